// SPDX-License-Identifier: Apache-2.0
// A real browser's capture, as a customer would make it: Debian's chromium, headless, driven over
// the Chrome DevTools Protocol (a WebSocket on loopback). Its Network domain's events carry the
// requests' post data, the answers' headers and, on request, their bodies (ChromeDriver's own log
// does not), and this turns them into HAR 1.2, the file the developer tools' "Save all as HAR"
// writes.
#pragma once

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace samlt::test {

class DevToolsBrowser {
 public:
  // Starts chromium with a fresh profile under `dir`; REQUIREs that its DevTools endpoint answers.
  explicit DevToolsBrowser(const std::filesystem::path& dir);
  ~DevToolsBrowser();
  DevToolsBrowser(const DevToolsBrowser&) = delete;
  DevToolsBrowser& operator=(const DevToolsBrowser&) = delete;

  // Opens `url` in a new tab and records every request until a page whose URL starts with one of
  // `done_prefixes` has loaded, or `seconds` pass. Each other page that loads is handed to
  // `on_page`, whose JavaScript (when not empty) runs in it: a person filling in a form. Returns
  // the HAR 1.2 document.
  nlohmann::json capture(const std::string& url, const std::vector<std::string>& done_prefixes,
                         const std::function<std::string(const std::string& page_url)>& on_page = {},
                         double seconds = 20);

 private:
  struct Connection;
  std::unique_ptr<ChildProcess> m_chromium;
  std::unique_ptr<Connection> m_connection;
};

}  // namespace samlt::test
