// SPDX-License-Identifier: Apache-2.0
#include "suites.hpp"

#include <algorithm>

namespace samlt::reports {

std::string_view suite_name(const ScenarioResult& result) {
  if (result.suite.empty()) {
    return "default";
  }
  return result.suite;
}

std::vector<std::string> suite_names(const RunReport& report) {
  std::vector<std::string> names;
  for (const ScenarioResult& result : report.results) {
    const std::string_view name = suite_name(result);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.emplace_back(name);
    }
  }
  return names;
}

}  // namespace samlt::reports
