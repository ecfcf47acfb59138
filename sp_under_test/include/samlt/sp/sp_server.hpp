// SPDX-License-Identifier: Apache-2.0
// The SP's HTTP server (Poco): the endpoints of issue 4 over one ServiceProvider. Every handler
// catches everything, so bad input never crashes or stops the server.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/service_provider.hpp"

#include <memory>
#include <string>

namespace samlt::sp {

// Cookie names, so that tests and the runner can rely on them.
inline constexpr std::string_view k_session_cookie = "samlt_sp_session";
inline constexpr std::string_view k_binding_cookie = "samlt_sp_binding";

class SpServer {
 public:
  // Binds host:port (port 0: any free port) without serving yet, so the caller can learn the
  // port before building the ServiceProvider. REQUIRES: is_loopback_host(host).
  // Fails with io.read_failed (the address is in use or invalid).
  static core::Result<std::unique_ptr<SpServer>> bind(const std::string& host, int port);
  ~SpServer();
  SpServer(const SpServer&) = delete;
  SpServer& operator=(const SpServer&) = delete;

  int port() const;
  // Starts serving with `sp`. REQUIRES: `sp` outlives the server (or stop() is called first).
  void start(ServiceProvider& sp);
  void stop();

 private:
  SpServer();
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace samlt::sp
