// SPDX-License-Identifier: Apache-2.0
// report.json: the run for tools (dashboards, diffing two runs). An nlohmann adapter: its
// exceptions become Result here and go no further (style §6.1 rule 3).
#include "samlt/reports/report_writers.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace samlt::reports {
namespace {

// ordered_json keeps keys in insertion order, so a person reading the file sees summary first.
using Json = nlohmann::ordered_json;

Json optional_text(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json optional_int(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Headers keep order and duplicates (two Set-Cookie lines), so they are [name, value] pairs.
Json pairs(const NamedValues& values) {
  Json array = Json::array();
  for (const auto& [name, value] : values) {
    array.push_back(Json::array({name, value}));
  }
  return array;
}

std::string_view grade_id(Grade grade) {
  return grade == Grade::safe ? "safe" : grade == Grade::ungraded ? "ungraded" : "exact";
}

Json to_json(const Expectation& expected) {
  return Json{{"outcome", outcome_id(expected.outcome)},
              {"reason", optional_text(expected.reason)},
              {"family", optional_text(expected.family)},
              {"grade", grade_id(expected.grade)}};
}

Json to_json(const Observation& observed) {
  return Json{{"outcome", outcome_id(observed.outcome)},
              {"reason", optional_text(observed.reason)},
              {"validation_step", optional_text(observed.validation_step)},
              {"http_status", optional_int(observed.http_status)},
              {"sp_reason", optional_text(observed.sp_reason)},
              {"signal", observed.signal},
              {"detail", observed.detail}};
}

Json to_json(const StepResult& step) {
  return Json{{"name", step.name},
              {"expected", to_json(step.expected)},
              {"observed", to_json(step.observed)},
              {"status", status_id(step.status)},
              {"code", step.code},
              {"message", step.message},
              {"duration_seconds", step.duration_seconds}};
}

Json to_json(const SamlMessage& message) {
  return Json{{"label", message.label}, {"raw", message.raw}, {"decoded", message.decoded}};
}

Json to_json(const HttpExchange& exchange) {
  return Json{{"label", exchange.label},
              {"method", exchange.method},
              {"url", exchange.url},
              {"request_headers", pairs(exchange.request_headers)},
              {"request_body", exchange.request_body},
              {"status", optional_int(exchange.status)},
              {"response_headers", pairs(exchange.response_headers)},
              {"response_body", exchange.response_body}};
}

// Declared before array_of: a template finds names from its definition point, and the model
// types live in another namespace, so argument-dependent lookup would not find this one.
Json to_json(const ScenarioResult& result);

template <class T>
Json array_of(const std::vector<T>& items) {
  Json array = Json::array();
  for (const T& item : items) {
    array.push_back(to_json(item));
  }
  return array;
}

Json to_json(const ScenarioResult& result);

// Each scenario with the HAR file write_reports gives it (null when it has no exchange).
Json scenarios_json(const RunReport& report) {
  Json out = Json::array();
  std::vector<std::string> hars = har_file_names(report);
  for (std::size_t i = 0; i < report.results.size(); ++i) {
    Json scenario = to_json(report.results[i]);
    if (!hars[i].empty()) {
      scenario["har"] = hars[i];
    }
    out.push_back(std::move(scenario));
  }
  return out;
}

Json to_json(const ScenarioResult& result) {
  return Json{{"id", result.id},
              {"scenario_id", result.scenario_id},
              {"catalogue", result.catalogue.empty() ? Json(nullptr) : Json(result.catalogue)},
              {"flow", result.flow},
              {"title", result.title},
              {"file", result.file},
              {"suite", result.suite},
              {"tags", result.tags},
              {"spec_ref", result.spec_ref},
              {"faults", result.mutators},
              {"expected", to_json(result.expected)},
              {"observed", to_json(result.observed)},
              {"status", status_id(result.status)},
              {"code", result.code},
              {"message", result.message},
              {"duration_seconds", result.duration_seconds},
              {"steps", array_of(result.steps)},
              {"messages", array_of(result.messages)},
              {"exchanges", array_of(result.exchanges)},
              {"har", nullptr}};
}

Json to_json(const RunReport& report) {
  const Summary summary = summarize(report);
  Json policy = Json::object();
  for (const auto& setting : report.policy) {
    policy[setting.name] = {{"value", setting.value}, {"origin", policy_origin_id(setting.origin)}};
  }
  return Json{{"tool_version", report.tool_version},
              {"started_at", report.started_at},
              {"duration_seconds", report.duration_seconds},
              {"summary",
               {{"total", summary.total},
                {"passed", summary.passed},
                {"failed", summary.failed},
                {"errors", summary.errors},
                {"skipped", summary.skipped}}},
              {"target",
               {{"name", report.target.name},
                {"entity_id", report.target.entity_id},
                {"acs_url", report.target.acs_url},
                {"login_url", report.target.login_url},
                {"description", report.target.description},
                {"capabilities", report.target.capabilities}}},
              {"policy", std::move(policy)},
              {"scenarios", scenarios_json(report)}};
}

}  // namespace

core::Result<std::string> render_json_report(const RunReport& report) {
  try {
    // Report values quote raw input, which may not be UTF-8: replace, never throw type_error 316.
    std::string text = to_json(report).dump(2, ' ', false, Json::error_handler_t::replace);
    text += '\n';
    return text;
  } catch (const nlohmann::json::exception& e) {
    return core::fail(core::Reason::internal_error, std::string("report.json: ") + e.what());
  }
}

}  // namespace samlt::reports
