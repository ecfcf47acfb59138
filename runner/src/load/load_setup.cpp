// SPDX-License-Identifier: Apache-2.0
#include "load/load_setup.hpp"

#include "samlt/runner/plan.hpp"
#include "target_check.hpp"

#include <Poco/Net/IPAddress.h>
#include <Poco/URI.h>

namespace samlt::runner::load {
namespace {

bool is_loopback_host(const std::string& host) {
  if (host == "localhost") {
    return true;
  }
  Poco::Net::IPAddress address;
  return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

// The URLs a load run sends to must be on loopback unless --allow-remote (a load test aimed at
// someone else's server by mistake is a denial of service).
void check_loopback(const Target& target, bool allow_remote) {
  if (allow_remote) {
    return;
  }
  std::vector<std::pair<std::string, std::string>> urls = {{"/acs_url", target.acs_url}};
  if (target.login_url) {
    urls.emplace_back("/login_url", *target.login_url);
  }
  for (const auto& [pointer, url] : urls) {
    std::string host;
    try {
      host = Poco::URI(url).getHost();
    } catch (const Poco::Exception&) {
      host = url;
    }
    if (!is_loopback_host(host)) {
      throw core::Fatal(target.file.string() + ": " + pointer + ": '" + url +
                        "' is not on loopback (127.0.0.1, ::1, localhost); a load run against another machine "
                        "needs --allow-remote");
    }
  }
}

// A plain valid sign-in: what a load run does without --scenario.
Scenario valid_sign_in(const std::string& user) {
  Scenario scenario;
  scenario.id = "load/valid-sign-in";
  scenario.suite = "load";
  scenario.title = "a valid sign-in";
  scenario.user = user;
  Step step;
  ConditionalExpectation expectation;
  expectation.expect.outcome = reports::Outcome::accept;
  step.expectations.push_back(std::move(expectation));
  scenario.steps.push_back(std::move(step));
  return scenario;
}

Scenario load_scenario_for(const std::filesystem::path& file) {
  auto scenarios = load_scenario_file(file, file.parent_path());
  if (scenarios.size() != 1) {
    throw core::Fatal(file.string() + ": /variants: load mode runs one scenario; this file declares " +
                      std::to_string(scenarios.size()) + " variants");
  }
  const Scenario& scenario = scenarios.front();
  if (scenario.steps.size() != 1 || scenario.steps.front().action != StepAction::sign_in ||
      scenario.steps.front().delivery != Delivery::post) {
    throw core::Fatal(file.string() + ": /steps: load mode runs one sign_in step delivered by HTTP-POST");
  }
  return scenario;
}

Flow choose_flow(const Scenario& scenario, const TargetSession& session, const SetupOptions& options) {
  auto plan = plan_runs({scenario}, session.resolved.capabilities,
                        !options.flow                           ? FlowChoice::preferred
                        : *options.flow == Flow::sp_initiated ? FlowChoice::sp_initiated
                                                                : FlowChoice::idp_initiated);
  if (plan.empty()) {
    throw core::Fatal("--flow: the scenario " + scenario.id + " is not valid in that flow" +
                      (options.flow == Flow::sp_initiated && !session.target.login_url
                           ? " (and the target has no login_url)"
                           : ""));
  }
  if (plan.front().unmet_need) {
    throw core::Fatal(session.target.file.string() + ": the target does not meet the scenario's need '" +
                      *plan.front().unmet_need + "' (idp_sim run --list-needs)");
  }
  return plan.front().flow;
}

}  // namespace

LoadSetup prepare_load(const SetupOptions& options) {
  LoadSetup setup{prepare_target(options.target, options.timeout_seconds), {}, Flow::idp_initiated, {}};
  check_loopback(setup.session.target, options.allow_remote);
  setup.scenario = options.scenario ? load_scenario_for(*options.scenario) : valid_sign_in(member_user(*setup.session.idp));
  check_app_overrides({setup.scenario}, setup.session);
  setup.flow = choose_flow(setup.scenario, setup.session, options);
  setup.users = options.users.empty() ? std::vector<std::string>{setup.scenario.user} : options.users;
  for (const auto& user : setup.users) {
    if (setup.session.idp->find_user(user) == nullptr) {
      throw core::Fatal("--users: '" + user + "' is not a user of the IdP configuration");
    }
  }
  return setup;
}

}  // namespace samlt::runner::load
