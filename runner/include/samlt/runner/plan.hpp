// SPDX-License-Identifier: Apache-2.0
// Which runs a set of scenarios gets against one target: each scenario in the flows it is valid
// in and the target supports, or skipped with the need the target does not meet.
#pragma once

#include "samlt/runner/needs.hpp"
#include "samlt/runner/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::runner {

// `--flows`: preferred runs each scenario once (SP-initiated where the scenario and the target
// allow it, else IdP-initiated); all runs it in every flow it is valid in; sp_initiated and
// idp_initiated run only the scenarios valid in that flow.
enum class FlowChoice { preferred, all, sp_initiated, idp_initiated };

struct PlannedRun {
  const Scenario* scenario = nullptr;
  Flow flow = Flow::sp_initiated;
  // "id", or "id [sp-initiated]" when the choice is `all`: unique within a run.
  std::string result_id;
  // Set when the run is skipped: the id of the first need the target does not meet.
  std::optional<std::string> unmet_need;
};

// One entry per run, in scenario order (and flow order within a scenario). REQUIRES: the
// scenarios outlive the plan.
std::vector<PlannedRun> plan_runs(const std::vector<Scenario>& scenarios, const Capabilities& capabilities,
                                  FlowChoice choice);

// "preferred", "all", "sp_initiated", "idp_initiated" -> FlowChoice; nullopt otherwise.
std::optional<FlowChoice> parse_flow_choice(std::string_view text);

}  // namespace samlt::runner
