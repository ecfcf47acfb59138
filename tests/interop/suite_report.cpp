// SPDX-License-Identifier: Apache-2.0
#include "suite_report.hpp"

#include "samlt/core/fs.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

namespace samlt::test::interop {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string trim(std::string_view text) {
  auto begin = text.find_first_not_of(" \t");
  auto end = text.find_last_not_of(" \t");
  return begin == std::string_view::npos ? std::string() : std::string(text.substr(begin, end - begin + 1));
}

struct SetCookie {
  std::string name;
  std::string value;
  bool deletes = false;
};

SetCookie parse_set_cookie(const std::string& header) {
  SetCookie cookie;
  auto first = header.substr(0, header.find(';'));
  auto equals = first.find('=');
  cookie.name = trim(first.substr(0, equals));
  cookie.value = equals == std::string::npos ? std::string() : trim(first.substr(equals + 1));
  std::string attributes = lower(header);
  cookie.deletes = cookie.value.empty() || cookie.value == "deleted" ||
                   attributes.find("max-age=0") != std::string::npos ||
                   attributes.find("expires=thu, 01-jan-1970") != std::string::npos ||
                   attributes.find("expires=thu, 01 jan 1970") != std::string::npos;
  return cookie;
}

Exchange read_exchange(const nlohmann::json& json) {
  Exchange exchange;
  exchange.label = json.value("label", "");
  exchange.method = json.value("method", "");
  exchange.url = json.value("url", "");
  exchange.status = json["status"].is_number() ? json["status"].get<int>() : 0;
  for (const auto& pair : json.value("response_headers", nlohmann::json::array())) {
    exchange.response_headers.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
  }
  exchange.response_body = json.value("response_body", "");
  return exchange;
}

// The ACS visit's label: the POST binding, or the Response sent over HTTP-Redirect (binding
// scenarios), as runner/src/driver.cpp names them.
constexpr std::string_view k_acs_label = "POST SAMLResponse to ACS";
constexpr std::string_view k_acs_redirect_label = "GET SAMLResponse at ACS (HTTP-Redirect)";
constexpr std::string_view k_login_label = "GET login URL";

std::vector<AcsVisit> acs_visits(const nlohmann::json& exchanges) {
  std::vector<AcsVisit> visits;
  bool open = false;
  for (const auto& json : exchanges) {
    Exchange exchange = read_exchange(json);
    if (exchange.label == k_acs_label || exchange.label == k_acs_redirect_label) {
      visits.push_back({{std::move(exchange)}});
      open = true;
    } else if (exchange.label == k_login_label) {
      open = false;
    } else if (open) {
      visits.back().exchanges.push_back(std::move(exchange));
    }
  }
  return visits;
}

// The scenario file's steps: whether each replay posts from the browser that signed in.
// The scenario's steps as the file gives them: a variant's own "steps" (the variant is the last
// part of `scenario_id` after the file's id), else the file's.
std::vector<bool> replays_from_other_browser(const std::string& scenario_file, const std::string& scenario_id,
                                             std::size_t steps) {
  std::vector<bool> other(steps, false);
  auto text = core::read_file(scenario_file);
  INFO(scenario_file);
  REQUIRE(text);
  auto json = nlohmann::json::parse(*text);
  const nlohmann::json* declared = json.contains("steps") ? &json["steps"] : nullptr;
  std::string prefix = json.value("id", "") + "/";
  if (json.contains("variants") && scenario_id.rfind(prefix, 0) == 0) {
    for (const auto& variant : json["variants"]) {
      if (variant.value("name", "") == scenario_id.substr(prefix.size()) && variant.contains("steps")) {
        declared = &variant["steps"];
      }
    }
  }
  if (declared == nullptr) {
    return other;
  }
  for (std::size_t i = 0; i < steps && i < declared->size(); ++i) {
    const auto& step = (*declared)[i];
    other[i] = step.value("action", "") == "replay" && step.value("browser", "") != "same";
  }
  return other;
}

// "Response (step N)": the Response the runner issued in step N; a replay posts the last one.
std::string response_for_step(const nlohmann::json& messages, std::size_t step) {
  std::string xml;
  for (std::size_t k = 1; k <= step; ++k) {
    for (const auto& message : messages) {
      if (message.value("label", "") == "Response (step " + std::to_string(k) + ")") {
        xml = message.value("decoded", "");
      }
    }
  }
  return xml;
}

}  // namespace

std::optional<std::string> Exchange::header(std::string_view name) const {
  for (const auto& [key, value] : response_headers) {
    if (iequals(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<std::string> Exchange::sets_cookie(std::string_view name) const {
  for (const auto& [key, value] : response_headers) {
    if (iequals(key, "Set-Cookie")) {
      auto cookie = parse_set_cookie(value);
      if (cookie.name == name) {
        return cookie.deletes ? std::nullopt : std::optional<std::string>(cookie.value);
      }
    }
  }
  return std::nullopt;
}

namespace {

bool any_cookie_prefixed(const Exchange& exchange, std::string_view prefix, bool deleted) {
  for (const auto& [key, value] : exchange.response_headers) {
    if (iequals(key, "Set-Cookie")) {
      auto cookie = parse_set_cookie(value);
      if (cookie.name.rfind(prefix, 0) == 0 && cookie.deletes == deleted) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool Exchange::sets_cookie_prefixed(std::string_view prefix) const { return any_cookie_prefixed(*this, prefix, false); }

bool Exchange::deletes_cookie_prefixed(std::string_view prefix) const {
  return any_cookie_prefixed(*this, prefix, true);
}

const Exchange* AcsVisit::probe() const {
  for (const auto& exchange : exchanges) {
    if (exchange.label == "session probe") {
      return &exchange;
    }
  }
  return nullptr;
}

SuiteReport read_suite_report(const std::filesystem::path& report_json) {
  auto text = core::read_file(report_json);
  INFO(report_json.string());
  REQUIRE(text);
  SuiteReport report;
  report.json = nlohmann::json::parse(*text);
  for (const auto& result : report.json.at("scenarios")) {
    ResultRun run;
    run.id = result.at("id").get<std::string>();
    run.scenario_id = result.value("scenario_id", "");
    run.flow = result.value("flow", "");
    run.status = result.at("status").get<std::string>();
    run.code = result.value("code", "");
    run.message = result.value("message", "");
    // An unmet need ran nothing; a policy case the target does not grade still ran its steps.
    if (run.status == "skipped" && run.code != "policy_ungraded") {
      report.results.push_back(std::move(run));
      continue;
    }
    const auto& steps = result.at("steps");
    auto other = replays_from_other_browser(result.at("file").get<std::string>(), run.scenario_id, steps.size());
    auto visits = acs_visits(result.at("exchanges"));
    // Visits in report order: the other browsers' replays, then the signing-in browser's steps.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (other[i]) {
        order.push_back(i);
      }
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (!other[i]) {
        order.push_back(i);
      }
    }
    run.steps.resize(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      StepRun& step = run.steps[i];
      step.name = steps[i].value("name", "");
      step.action = step.name.substr(0, step.name.find(' '));
      step.other_browser = other[i];
      step.status = steps[i].value("status", "");
      step.code = steps[i].value("code", "");
      step.expected_outcome = steps[i]["expected"].value("outcome", "");
      step.runner_outcome = steps[i]["observed"].value("outcome", "");
      step.response_xml = response_for_step(result.value("messages", nlohmann::json::array()), i + 1);
    }
    for (std::size_t v = 0; v < visits.size() && v < order.size(); ++v) {
      run.steps[order[v]].visit = std::move(visits[v]);
    }
    report.results.push_back(std::move(run));
  }
  return report;
}

}  // namespace samlt::test::interop
