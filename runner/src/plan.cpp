// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/plan.hpp"

#include <algorithm>

namespace samlt::runner {
namespace {

bool valid_in(const Scenario& scenario, Flow flow) {
  return std::find(scenario.flows.begin(), scenario.flows.end(), flow) != scenario.flows.end();
}

std::optional<std::string> unmet(const Scenario& scenario, Flow flow, const Capabilities& capabilities) {
  if (flow == Flow::sp_initiated && !capabilities.contains(need::sp_initiated_login)) {
    return std::string(need::sp_initiated_login);
  }
  for (const auto& need : scenario.needs) {
    if (!capabilities.contains(need)) {
      return need;
    }
  }
  return std::nullopt;
}

PlannedRun run(const Scenario& scenario, Flow flow, const Capabilities& capabilities, bool name_flow) {
  std::string id = scenario.id;
  if (name_flow) {
    id += " [" + std::string(flow_name(flow)) + "]";
  }
  return {&scenario, flow, std::move(id), unmet(scenario, flow, capabilities)};
}

}  // namespace

std::vector<PlannedRun> plan_runs(const std::vector<Scenario>& scenarios, const Capabilities& capabilities,
                                  FlowChoice choice) {
  std::vector<PlannedRun> plan;
  bool can_login = capabilities.contains(need::sp_initiated_login);
  for (const auto& scenario : scenarios) {
    switch (choice) {
      case FlowChoice::preferred: {
        // The scenario's first flow the target supports; a scenario that needs an AuthnRequest
        // against a target that cannot start a login is planned SP-initiated, hence skipped.
        Flow flow = scenario.flows.front();
        for (Flow candidate : scenario.flows) {
          if (candidate == Flow::idp_initiated || can_login) {
            flow = candidate;
            break;
          }
        }
        plan.push_back(run(scenario, flow, capabilities, false));
        break;
      }
      case FlowChoice::all:
        for (Flow flow : scenario.flows) {
          plan.push_back(run(scenario, flow, capabilities, true));
        }
        break;
      case FlowChoice::sp_initiated:
      case FlowChoice::idp_initiated: {
        Flow flow = choice == FlowChoice::sp_initiated ? Flow::sp_initiated : Flow::idp_initiated;
        if (valid_in(scenario, flow)) {
          plan.push_back(run(scenario, flow, capabilities, false));
        }
        break;
      }
    }
  }
  return plan;
}

std::optional<FlowChoice> parse_flow_choice(std::string_view text) {
  if (text == "preferred") {
    return FlowChoice::preferred;
  }
  if (text == "all") {
    return FlowChoice::all;
  }
  if (text == "sp_initiated") {
    return FlowChoice::sp_initiated;
  }
  if (text == "idp_initiated") {
    return FlowChoice::idp_initiated;
  }
  return std::nullopt;
}

}  // namespace samlt::runner
