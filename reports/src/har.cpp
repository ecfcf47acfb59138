// SPDX-License-Identifier: Apache-2.0
// A scenario's HTTP exchanges as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the
// format browsers' developer tools export and open, and `idp_sim diagnose` reads.
#include "samlt/core/codec.hpp"
#include "samlt/reports/report_writers.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <set>

namespace samlt::reports {
namespace {

using Json = nlohmann::ordered_json;

std::string header_of(const NamedValues& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return {};
}

Json headers_json(const NamedValues& headers) {
  Json out = Json::array();
  for (const auto& [name, value] : headers) {
    out.push_back({{"name", name}, {"value", value}});
  }
  return out;
}

Json query_json(const std::string& url) {
  Json out = Json::array();
  std::size_t question = url.find('?');
  if (question == std::string::npos) {
    return out;
  }
  std::string query = url.substr(question + 1);
  query = query.substr(0, query.find('#'));
  if (auto fields = core::parse_form(query)) {
    for (const auto& [name, value] : *fields) {
      out.push_back({{"name", name}, {"value", value}});
    }
  }
  return out;
}

Json entry_json(const HttpExchange& exchange) {
  const std::string& request_body = exchange.whole_request_body.empty() ? exchange.request_body : exchange.whole_request_body;
  const std::string& response_body =
      exchange.whole_response_body.empty() ? exchange.response_body : exchange.whole_response_body;
  Json request{{"method", exchange.method},
               {"url", exchange.url},
               {"httpVersion", "HTTP/1.1"},
               {"cookies", Json::array()},
               {"headers", headers_json(exchange.request_headers)},
               {"queryString", query_json(exchange.url)},
               {"headersSize", -1},
               {"bodySize", request_body.size()}};
  if (!request_body.empty()) {
    std::string type = header_of(exchange.request_headers, "Content-Type");
    request["postData"] = {{"mimeType", type.empty() ? "application/x-www-form-urlencoded" : type},
                           {"text", request_body}};
  }
  Json response{{"status", exchange.status.value_or(0)},
                {"statusText", exchange.status ? "" : "no response"},
                {"httpVersion", "HTTP/1.1"},
                {"cookies", Json::array()},
                {"headers", headers_json(exchange.response_headers)},
                {"content",
                 {{"size", response_body.size()},
                  {"mimeType", header_of(exchange.response_headers, "Content-Type")},
                  {"text", response_body}}},
                {"redirectURL", header_of(exchange.response_headers, "Location")},
                {"headersSize", -1},
                {"bodySize", response_body.size()}};
  return Json{{"startedDateTime", exchange.started_at},
              {"time", exchange.milliseconds},
              {"request", std::move(request)},
              {"response", std::move(response)},
              {"cache", Json::object()},
              {"timings", {{"send", 0}, {"wait", exchange.milliseconds}, {"receive", 0}}},
              {"comment", exchange.label}};
}

}  // namespace

std::string render_har(const ScenarioResult& result, std::string_view tool_version) {
  Json entries = Json::array();
  for (const HttpExchange& exchange : result.exchanges) {
    entries.push_back(entry_json(exchange));
  }
  Json har{{"log",
            {{"version", "1.2"},
             {"creator", {{"name", "samlt idp_sim run"}, {"version", tool_version}}},
             {"entries", std::move(entries)},
             {"comment", result.id}}}};
  return har.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

std::string har_file_name(std::string_view scenario_id) {
  std::string out;
  for (char c : scenario_id) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    if (plain) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') {
    out.pop_back();
  }
  return out.empty() ? std::string("scenario") : out;
}

}  // namespace

std::vector<std::string> har_file_names(const RunReport& report) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const ScenarioResult& result : report.results) {
    if (result.exchanges.empty()) {
      names.emplace_back();
      continue;
    }
    std::string stem = har_file_name(result.id);
    std::string name = "har/" + stem + ".har";
    for (int n = 2; !taken.insert(name).second; ++n) {
      name = "har/" + stem + "-" + std::to_string(n) + ".har";
    }
    names.push_back(name);
  }
  return names;
}

}  // namespace samlt::reports
