// SPDX-License-Identifier: Apache-2.0
// Which runs a scenario gets against a target: its flows, the target's capabilities, --flows.
#include "samlt/runner/plan.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using runner::Flow;
using runner::FlowChoice;

namespace {

runner::Scenario scenario(std::string id, std::vector<Flow> flows, std::vector<std::string> needs = {}) {
  runner::Scenario s;
  s.id = std::move(id);
  s.flows = std::move(flows);
  s.needs = std::move(needs);
  return s;
}

const std::vector<runner::Scenario> k_scenarios = {
    scenario("both", {Flow::sp_initiated, Flow::idp_initiated}),
    scenario("needs-request", {Flow::sp_initiated}),
    scenario("idp-only", {Flow::idp_initiated}),
    scenario("encrypted", {Flow::sp_initiated, Flow::idp_initiated}, {"encryption_certificate"}),
};

}  // namespace

TEST_CASE("preferred: SP-initiated where the target can log in, else IdP-initiated, else skipped", "[runner]") {
  auto with_login = runner::plan_runs(k_scenarios, {"sp_initiated_login", "encryption_certificate"}, FlowChoice::preferred);
  REQUIRE(with_login.size() == 4);
  CHECK(with_login[0].result_id == "both");
  CHECK(with_login[0].flow == Flow::sp_initiated);
  CHECK(with_login[2].flow == Flow::idp_initiated);
  for (const auto& run : with_login) {
    CHECK_FALSE(run.unmet_need);
  }

  auto no_login = runner::plan_runs(k_scenarios, {}, FlowChoice::preferred);
  REQUIRE(no_login.size() == 4);
  CHECK(no_login[0].flow == Flow::idp_initiated);
  CHECK_FALSE(no_login[0].unmet_need);
  CHECK(no_login[1].unmet_need == "sp_initiated_login");
  CHECK_FALSE(no_login[2].unmet_need);
  CHECK(no_login[3].unmet_need == "encryption_certificate");
}

TEST_CASE("all: one run per flow a scenario is valid in, named by flow", "[runner]") {
  auto plan = runner::plan_runs(k_scenarios, {"encryption_certificate"}, FlowChoice::all);
  std::vector<std::string> ids;
  for (const auto& run : plan) {
    ids.push_back(run.result_id + (run.unmet_need ? " skipped:" + *run.unmet_need : ""));
  }
  CHECK(ids == std::vector<std::string>{
                   "both [sp-initiated] skipped:sp_initiated_login", "both [idp-initiated]",
                   "needs-request [sp-initiated] skipped:sp_initiated_login", "idp-only [idp-initiated]",
                   "encrypted [sp-initiated] skipped:sp_initiated_login", "encrypted [idp-initiated]"});
}

TEST_CASE("a single flow runs only the scenarios valid in it", "[runner]") {
  auto idp = runner::plan_runs(k_scenarios, {"sp_initiated_login"}, FlowChoice::idp_initiated);
  REQUIRE(idp.size() == 3);
  CHECK(idp[0].result_id == "both");
  CHECK(idp[1].result_id == "idp-only");
  CHECK(idp[2].unmet_need == "encryption_certificate");
  auto sp = runner::plan_runs(k_scenarios, {"sp_initiated_login"}, FlowChoice::sp_initiated);
  CHECK(sp.size() == 3);
  CHECK(runner::parse_flow_choice("all") == FlowChoice::all);
  CHECK_FALSE(runner::parse_flow_choice("both"));
}
