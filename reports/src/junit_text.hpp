// SPDX-License-Identifier: Apache-2.0
// The plain-text parts of a JUnit testcase: what CI servers show when a scenario did not pass.
#pragma once

#include "samlt/reports/report_model.hpp"

#include <string>

namespace samlt::reports {

// One line for the <failure>/<error> message attribute: ScenarioResult::message, or
// "expected <expected>, got <observed>" when the runner left it empty.
std::string headline(const ScenarioResult& result);

// The <failure>/<error> body: the title, expected and observed, the faults injected, the spec
// clause, the observation detail, and one line per step.
std::string verdict_text(const ScenarioResult& result);

// The <system-out> body: every SAML message (decoded when available, raw otherwise) and one line
// per HTTP exchange. Empty when the scenario recorded neither.
std::string messages_text(const ScenarioResult& result);

}  // namespace samlt::reports
