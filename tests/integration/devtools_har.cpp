// SPDX-License-Identifier: Apache-2.0
// The DevTools client (chromedevtools.github.io/devtools-protocol: Target, Network, Page) and its
// HAR 1.2 writer.
#include "devtools_har.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <thread>

namespace samlt::test {

using nlohmann::json;

struct DevToolsBrowser::Connection {
  Poco::Net::HTTPClientSession session;
  Poco::Net::HTTPRequest request;
  Poco::Net::HTTPResponse response;
  Poco::Net::WebSocket socket;
  int next_id = 1;

  Connection(int port, const std::string& path)
      : session("127.0.0.1", static_cast<Poco::UInt16>(port)),
        request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1),
        socket(session, request, response) {
    socket.setReceiveTimeout(Poco::Timespan(0, 200 * 1000));
    socket.setMaxPayloadSize(64 * 1024 * 1024);
  }

  int send(const std::string& method, const json& params = json::object(), const std::string& session_id = "") {
    json message{{"id", next_id}, {"method", method}, {"params", params}};
    if (!session_id.empty()) {
      message["sessionId"] = session_id;
    }
    std::string text = message.dump();
    socket.sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
    return next_id++;
  }

  // The next whole message, or null when none came within the receive timeout.
  json receive() {
    std::string text;
    for (;;) {
      Poco::Buffer<char> buffer(0);
      int flags = 0;
      try {
        int n = socket.receiveFrame(buffer, flags);
        if (n <= 0 && text.empty()) {
          return nullptr;
        }
      } catch (const Poco::TimeoutException&) {
        if (text.empty()) {
          return nullptr;
        }
        continue;  // the rest of a fragmented message is on its way
      }
      text.append(buffer.begin(), buffer.size());
      if ((flags & Poco::Net::WebSocket::FRAME_FLAG_FIN) != 0) {
        break;
      }
    }
    return json::parse(text, nullptr, false);
  }

  // Sends `method` and waits (at most 10 s) for its answer; events meanwhile go to `on_event`.
  json call(const std::string& method, const json& params, const std::string& session_id,
            const std::function<void(const json&)>& on_event) {
    int id = send(method, params, session_id);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      json message = receive();
      if (message.is_null() || message.is_discarded()) {
        continue;
      }
      if (message.value("id", 0) == id) {
        return message;
      }
      on_event(message);
    }
    FAIL("DevTools: no answer to " << method);
    return nullptr;
  }
};

namespace {

json har_headers(const json& headers) {
  json out = json::array();
  if (headers.is_object()) {
    for (const auto& [name, value] : headers.items()) {
      // Chromium joins repeated headers with '\n'.
      std::string text = value.is_string() ? value.get<std::string>() : value.dump();
      std::size_t start = 0;
      while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        out.push_back({{"name", name}, {"value", text.substr(start, end == std::string::npos ? end : end - start)}});
        if (end == std::string::npos) {
          break;
        }
        start = end + 1;
      }
    }
  }
  return out;
}

std::string header_value(const json& headers, const std::string& name) {
  if (!headers.is_object()) {
    return {};
  }
  for (const auto& [key, value] : headers.items()) {
    if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return value.is_string() ? value.get<std::string>() : std::string();
    }
  }
  return {};
}

json har_response(const json& response) {
  return {{"status", response.value("status", 0)},
          {"statusText", response.value("statusText", "")},
          {"httpVersion", response.value("protocol", "http/1.1")},
          {"headers", har_headers(response.value("headers", json::object()))},
          {"cookies", json::array()},
          {"content", {{"size", 0}, {"mimeType", response.value("mimeType", "")}}},
          {"redirectURL", header_value(response.value("headers", json::object()), "Location")},
          {"headersSize", -1},
          {"bodySize", -1}};
}

}  // namespace

DevToolsBrowser::DevToolsBrowser(const std::filesystem::path& dir) {
  auto profile = dir / "chromium-devtools";
  std::filesystem::create_directories(profile);
  // No sandbox (CI runs as root), no GPU, nothing that reaches for the network; port 0: Chromium
  // picks a free one and writes it to DevToolsActivePort in the profile.
  m_chromium = std::make_unique<ChildProcess>(
      std::vector<std::string>{"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                               "--disable-background-networking", "--disable-component-update", "--disable-sync",
                               "--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1",
                               "--remote-debugging-port=0", "--user-data-dir=" + profile.string(), "about:blank"},
      dir / "chromium-devtools.log");
  auto port_file = profile / "DevToolsActivePort";
  for (int i = 0; i < 300 && !std::filesystem::exists(port_file); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::ifstream in(port_file);
  int port = 0;
  std::string path;
  in >> port >> path;
  INFO("chromium (Debian package chromium) log:\n" << m_chromium->log());
  REQUIRE(port > 0);
  REQUIRE(path.rfind("/devtools/browser/", 0) == 0);
  m_connection = std::make_unique<Connection>(port, path);
}

DevToolsBrowser::~DevToolsBrowser() {
  if (m_connection) {
    try {
      m_connection->send("Browser.close");
    } catch (const Poco::Exception&) {
      // the browser is gone already: stop() below ends what is left
    }
  }
  m_connection.reset();
  if (m_chromium) {
    m_chromium->stop();
  }
}

json DevToolsBrowser::capture(const std::string& url, const std::vector<std::string>& done_prefixes,
                              const std::function<std::string(const std::string&)>& on_page, double seconds) {
  Connection& cdp = *m_connection;
  struct Entry {
    json entry;
    bool finished = false;
  };
  std::vector<Entry> entries;
  std::map<std::string, std::size_t> open;       // requestId → its current entry
  std::map<int, std::size_t> body_calls;         // command id → entry awaiting its body
  std::map<int, std::size_t> post_data_calls;    // command id → entry awaiting its post data
  std::string session;
  bool done = false;
  std::string page_url;

  auto on_event = [&](const json& message) {
    if (message.contains("id")) {
      int id = message["id"];
      if (auto body = body_calls.find(id); body != body_calls.end()) {
        json& content = entries[body->second].entry["response"]["content"];
        const json& result = message.value("result", json::object());
        std::string text = result.value("body", "");
        content["text"] = text;
        content["size"] = text.size();
        if (result.value("base64Encoded", false)) {
          content["encoding"] = "base64";
        }
        body_calls.erase(body);
      } else if (auto post = post_data_calls.find(id); post != post_data_calls.end()) {
        entries[post->second].entry["request"]["postData"]["text"] = message["result"].value("postData", "");
        post_data_calls.erase(post);
      }
      return;
    }
    std::string method = message.value("method", "");
    const json& params = message.value("params", json::object());
    if (method == "Network.requestWillBeSent") {
      std::string id = params["requestId"];
      if (params.contains("redirectResponse")) {
        // The same requestId goes on to the Location: the redirect is an entry of its own.
        if (auto previous = open.find(id); previous != open.end()) {
          entries[previous->second].entry["response"] = har_response(params["redirectResponse"]);
          entries[previous->second].finished = true;
        }
      }
      const json& request = params["request"];
      auto wall = std::chrono::duration_cast<core::TimePoint::duration>(
          std::chrono::duration<double>(params.value("wallTime", 0.0)));
      json entry{{"startedDateTime", core::format_datetime(core::TimePoint(wall))},
                 {"time", 0},
                 {"request",
                  {{"method", request.value("method", "GET")},
                   {"url", request.value("url", "") + request.value("urlFragment", "")},
                   {"httpVersion", "http/1.1"},
                   {"headers", har_headers(request.value("headers", json::object()))},
                   {"queryString", json::array()},
                   {"cookies", json::array()},
                   {"headersSize", -1},
                   {"bodySize", -1}}},
                 {"response", har_response(json::object())},
                 {"cache", json::object()},
                 {"timings", {{"send", 0}, {"wait", 0}, {"receive", 0}}}};
      if (request.value("hasPostData", false)) {
        entry["request"]["postData"] = {
            {"mimeType", header_value(request.value("headers", json::object()), "Content-Type")},
            {"text", request.value("postData", "")}};
      }
      entries.push_back({std::move(entry), false});
      open[id] = entries.size() - 1;
      if (request.value("hasPostData", false) && !request.contains("postData")) {
        post_data_calls[cdp.send("Network.getRequestPostData", {{"requestId", id}}, session)] = entries.size() - 1;
      }
    } else if (method == "Network.responseReceived") {
      if (auto entry = open.find(params["requestId"]); entry != open.end()) {
        entries[entry->second].entry["response"] = har_response(params["response"]);
      }
    } else if (method == "Network.loadingFinished" || method == "Network.loadingFailed") {
      std::string id = params["requestId"];
      if (auto entry = open.find(id); entry != open.end()) {
        entries[entry->second].finished = true;
        if (method == "Network.loadingFinished") {
          body_calls[cdp.send("Network.getResponseBody", {{"requestId", id}}, session)] = entry->second;
        }
      }
    } else if (method == "Page.frameNavigated" && !params["frame"].contains("parentId")) {
      page_url = params["frame"].value("url", "");
    } else if (method == "Page.loadEventFired") {
      for (const auto& prefix : done_prefixes) {
        done = done || page_url.rfind(prefix, 0) == 0;
      }
      if (std::string script = !done && on_page ? on_page(page_url) : ""; !script.empty()) {
        cdp.send("Runtime.evaluate", {{"expression", script}}, session);
      }
    }
  };

  json target = cdp.call("Target.createTarget", {{"url", "about:blank"}}, "", on_event);
  std::string target_id = target["result"]["targetId"];
  json attached = cdp.call("Target.attachToTarget", {{"targetId", target_id}, {"flatten", true}}, "", on_event);
  session = attached["result"]["sessionId"];
  cdp.call("Network.enable", {{"maxPostDataSize", 1 << 20}}, session, on_event);
  cdp.call("Page.enable", json::object(), session, on_event);
  cdp.call("Page.navigate", {{"url", url}}, session, on_event);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline && !(done && body_calls.empty() && post_data_calls.empty())) {
    json message = cdp.receive();
    if (!message.is_null() && !message.is_discarded()) {
      on_event(message);
    }
  }
  cdp.send("Target.closeTarget", {{"targetId", target_id}});
  INFO("the page at " << page_url << " did not finish loading in time");
  CHECK(done);
  json har_entries = json::array();
  for (auto& entry : entries) {
    har_entries.push_back(std::move(entry.entry));
  }
  return {{"log",
           {{"version", "1.2"},
            {"creator", {{"name", "samlt DevTools recorder (tests/integration)"}, {"version", "1"}}},
            {"browser", {{"name", "Chromium"}, {"version", ""}}},
            {"pages", json::array()},
            {"entries", std::move(har_entries)}}}};
}

}  // namespace samlt::test
