// SPDX-License-Identifier: Apache-2.0
#include "target_check.hpp"

#include "samlt/runner/driver.hpp"
#include "samlt/runner/plan.hpp"

namespace samlt::runner {
namespace {

Scenario check_scenario(const std::string& id, const std::string& user, reports::Outcome outcome,
                        std::vector<idp::MutatorUse> mutators) {
  Scenario scenario;
  scenario.id = id;
  scenario.suite = "target-check";
  scenario.title = id;
  scenario.spec_ref = "saml-core §2.5.1.4";
  scenario.user = user;
  scenario.mutators = std::move(mutators);
  Step step;
  ConditionalExpectation expectation;
  expectation.expect.outcome = outcome;
  step.expectations.push_back(std::move(expectation));
  scenario.steps.push_back(std::move(step));
  return scenario;
}

std::string seen(const reports::ScenarioResult& result) {
  std::string text = reports::describe(result.observed);
  if (!result.observed.signal.empty()) {
    text += ", signal " + result.observed.signal;
  }
  return text;
}

}  // namespace

std::string member_user(const idp::Idp& idp) {
  for (const auto& user : idp.config().users) {
    if (user.enabled && !user.guest) {
      return user.user_principal_name;
    }
  }
  return idp.config().users.empty() ? std::string() : idp.config().users.front().user_principal_name;
}

TargetCheck check_target(const TargetSession& session, const core::Clock& clock, double timeout_seconds) {
  std::string user = member_user(*session.idp);
  std::vector<Scenario> scenarios = {
      check_scenario("target-check/valid", user, reports::Outcome::accept, {}),
      check_scenario("target-check/wrong-audience", user, reports::Outcome::reject, {{"audience.wrong", {}}})};
  auto plan = plan_runs(scenarios, session.resolved.capabilities, FlowChoice::preferred);
  DriverContext context{session.target, *session.idp, session.app_id, session.policy, clock, timeout_seconds};
  TargetCheck check;
  check.valid = run_planned(plan[0], context);
  check.wrong_audience = run_planned(plan[1], context);
  const auto& name = session.target.name;
  for (const auto* result : {&check.valid, &check.wrong_audience}) {
    if (result->status == reports::Status::error) {
      check.code = "run_error";
      check.explanation = name + ": the check's sign-in could not be completed (" + result->message + ")";
      return check;
    }
  }
  if (check.valid.observed.outcome != reports::Outcome::accept) {
    check.code = "valid_rejected";
    check.explanation =
        name + ": a valid sign-in was judged a rejection (" + seen(check.valid) +
        "). Either the SP does not trust this IdP yet (import the metadata that `idp_sim run --target " +
        session.target.file.string() +
        " --write-idp-metadata FILE` writes), or the signals cannot see its session (check session_cookie, "
        "session_probe and accept_body against what the SP answers; the report holds the exchange).";
    return check;
  }
  if (check.wrong_audience.observed.outcome != reports::Outcome::reject) {
    check.code = "wrong_audience_accepted";
    check.explanation =
        name + ": an assertion for another audience was judged an acceptance (" + seen(check.wrong_audience) +
        "), so these signals cannot tell a rejection from an acceptance: a session probe that always "
        "answers its status, or an accept_body that also matches the error page, calls every rejection "
        "an acceptance. Fix the signals. If the SP's own log shows that it really created a session, it "
        "accepts assertions meant for other SPs (saml-core §2.5.1.4), a serious flaw: then run with "
        "--no-target-check to see everything else it accepts.";
    return check;
  }
  check.passed = true;
  check.code = "ok";
  check.explanation = name + ": the signals tell them apart: a valid sign-in was accepted (" + seen(check.valid) +
                      ") and an assertion for another audience was rejected (" + seen(check.wrong_audience) + ")";
  return check;
}

}  // namespace samlt::runner
