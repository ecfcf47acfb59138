// SPDX-License-Identifier: Apache-2.0
// Runs one scenario against one target: plays the IdP (idp_sim's own issue_response, so the
// runner and the server send the same bytes) and the browser, judges each step, and returns the
// scenario's result for the reports.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/reports/report_model.hpp"
#include "samlt/runner/plan.hpp"
#include "samlt/runner/scenario.hpp"
#include "samlt/runner/target.hpp"

#include <map>
#include <string>

namespace samlt::runner {

class MetadataAdmin;

class Canary;

struct DriverContext {
  const Target& target;
  const idp::Idp& idp;  // holds the target's app (target_app.hpp)
  std::string app_id;   // the target's app in `idp`
  const std::map<std::string, std::string>& policy;  // the policy in force (policies.hpp)
  const core::Clock& clock;
  double http_timeout_seconds = 10.0;
  Canary* canary = nullptr;  // NO-FETCH canary (runner/src/canary.hpp); nullptr: none planted
  std::string idp_base_url = "http://127.0.0.1:8080";  // the endpoints the IdP's metadata names
  // The SP admin's browser shared by refresh_metadata runs (metadata_step.hpp); nullptr: one per step.
  MetadataAdmin* metadata_admin = nullptr;
};

// Runs `run` (plan.hpp): a skipped run is a Status::skipped result naming the unmet need, with no
// HTTP at all. Never throws. A missed expectation is Status::failed; a run that could not be
// completed (the SP went away, the IdP refused the SP's request) is Status::error with the reason
// in the message. Thread-safe for distinct runs, except that a run whose scenario
// runs_alone must run alone (run_command.cpp runs those last, one at a time); it hands the
// SP the IdP's own metadata back before it returns, and is an error when the SP refuses it.
reports::ScenarioResult run_planned(const PlannedRun& run, const DriverContext& context);

}  // namespace samlt::runner
