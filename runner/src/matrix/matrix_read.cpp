// SPDX-License-Identifier: Apache-2.0
// Reading the parts of a report.json (reports/src/json_report.cpp writes it) that a matrix needs.
#include "samlt/core/fs.hpp"
#include "samlt/runner/matrix.hpp"

#include <nlohmann/json.hpp>

namespace samlt::runner {
namespace {

template <class E>
E choice(const nlohmann::json& value, std::initializer_list<std::pair<const char*, E>> options, E fallback) {
  for (const auto& [name, choice] : options) {
    if (value == name) {
      return choice;
    }
  }
  return fallback;
}

std::string text(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

reports::Outcome outcome(const nlohmann::json& part) {
  return choice(part.value("outcome", nlohmann::json()),
                {{"accept", reports::Outcome::accept}, {"reject", reports::Outcome::reject}}, reports::Outcome::none);
}

}  // namespace

core::Result<MatrixRun> read_matrix_run(const std::filesystem::path& report_json, std::string report_link) {
  auto bytes = core::read_file(report_json);
  if (!bytes) {
    return core::fail(bytes.error());
  }
  auto json = nlohmann::json::parse(*bytes, nullptr, false);
  auto invalid = [&](const std::string& what) {
    return core::fail(core::Reason::config_invalid, report_json.string() + ": " + what);
  };
  if (!json.is_object() || !json.contains("target") || !json["target"].is_object() || !json.contains("scenarios") ||
      !json["scenarios"].is_array()) {
    return invalid("not a report.json of `idp_sim run` (expected an object with \"target\" and \"scenarios\")");
  }
  MatrixRun run{text(json["target"], "name"), std::move(report_link), {}};
  if (run.target.empty()) {
    return invalid("/target/name: the target's name");
  }
  for (std::size_t i = 0; i < json["scenarios"].size(); ++i) {
    const auto& scenario = json["scenarios"][i];
    if (!scenario.is_object() || text(scenario, "id").empty() || !scenario.contains("status")) {
      return invalid("/scenarios/" + std::to_string(i) + ": a scenario result with \"id\" and \"status\"");
    }
    MatrixCell cell;
    cell.status = choice(scenario["status"],
                         {{"passed", reports::Status::passed},
                          {"failed", reports::Status::failed},
                          {"skipped", reports::Status::skipped},
                          {"error", reports::Status::error}},
                         reports::Status::error);
    const auto& expected = scenario.value("expected", nlohmann::json::object());
    const auto& observed = scenario.value("observed", nlohmann::json::object());
    cell.expected = outcome(expected);
    cell.observed = outcome(observed);
    cell.sp_reason = text(observed, "sp_reason");
    if (cell.sp_reason.empty()) {
      cell.sp_reason = text(observed, "reason");
    }
    cell.message = text(scenario, "message");
    run.results.push_back({text(scenario, "id"), text(scenario, "title"), text(scenario, "suite"), std::move(cell)});
  }
  return run;
}

}  // namespace samlt::runner
