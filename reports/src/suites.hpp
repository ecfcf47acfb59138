// SPDX-License-Identifier: Apache-2.0
// How reports group scenarios into suites (JUnit <testsuite>, the HTML suite filter).
#pragma once

#include "samlt/reports/report_model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samlt::reports {

// The scenario's suite, or "default" when it names none: CI servers drop a testcase without a
// classname, and a filter needs a value to match.
std::string_view suite_name(const ScenarioResult& result);

// Every suite_name in `report`, once each, in order of first appearance (the order the runner ran
// them, which is the order a person expects to read them).
std::vector<std::string> suite_names(const RunReport& report);

}  // namespace samlt::reports
