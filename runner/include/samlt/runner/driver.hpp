// SPDX-License-Identifier: Apache-2.0
// Runs one scenario against one target: plays the IdP (idp_sim's own issue_response, so the
// runner and the server send the same bytes) and the browser, judges each step, and returns the
// scenario's result for the reports.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/reports/report_model.hpp"
#include "samlt/runner/scenario.hpp"
#include "samlt/runner/target.hpp"

#include <map>
#include <string>

namespace samlt::runner {

struct DriverContext {
  const Target& target;
  const idp::Idp& idp;
  const std::map<std::string, std::string>& policy;  // the target's policy settings
  const core::Clock& clock;
  double http_timeout_seconds = 10.0;
};

// Never throws. A missed expectation is Status::failed; a run that could not be completed (the SP
// went away, the IdP refused the SP's request) is Status::error with the reason in the message.
// Thread-safe for distinct scenarios.
reports::ScenarioResult run_scenario(const Scenario& scenario, const DriverContext& context);

}  // namespace samlt::runner
