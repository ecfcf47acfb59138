// SPDX-License-Identifier: Apache-2.0
#include "load/load_sign_in.hpp"

#include "judge.hpp"
#include "saml_messages.hpp"
#include "samlt/idp/issue.hpp"
#include "samlt/runner/browser.hpp"
#include "step_verdict.hpp"

#include <chrono>

namespace samlt::runner::load {
namespace {

using SteadyClock = std::chrono::steady_clock;

double since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

void failed(Sample& sample, const core::Error& error) {
  sample.outcome = SampleOutcome::error;
  sample.reason = std::string(core::id(error.reason));
  sample.detail = error.detail;
}

}  // namespace

std::optional<PreparedSignIn> prepare_sign_in(const SignInPlan& plan, const std::string& user, Sample& sample) {
  const Scenario& scenario = plan.scenario;
  PreparedSignIn prepared{Browser(plan.timeout_seconds, plan.target.tls), {}, {}, {}, user};
  idp::IssueRequest request;
  request.app_id = plan.app_id;
  request.user = user;
  request.mutators = scenario.mutators;
  request.app_overrides = scenario.app_overrides;
  request.clock_offset_seconds = scenario.clock_offset_seconds;
  if (plan.flow == Flow::sp_initiated) {
    auto step = SteadyClock::now();
    auto authn = request_sign_in(plan.target, prepared.browser, scenario.relay_state);
    sample.login_seconds = since(step);
    if (!authn) {
      failed(sample, authn.error());
      return std::nullopt;
    }
    request.saml_request = std::move(authn->message);
  } else {
    request.relay_state = scenario.relay_state;
  }
  auto step = SteadyClock::now();
  auto outcome = idp::issue_response(plan.idp, request, plan.clock.now());
  sample.idp_seconds = since(step);
  if (!outcome) {
    failed(sample, outcome.error());
    return std::nullopt;
  }
  if (std::holds_alternative<idp::AadstsError>(*outcome)) {
    const auto& refused = std::get<idp::AadstsError>(*outcome);
    sample.outcome = SampleOutcome::error;
    sample.reason = std::string(core::id(core::Reason::runner_idp_refused));
    sample.detail = "AADSTS" + std::to_string(refused.code) + ": " + refused.message;
    return std::nullopt;
  }
  auto& issued = std::get<idp::IssuedResponse>(*outcome);
  prepared.acs_url = std::move(issued.acs_url);
  prepared.form = std::move(issued.form);
  prepared.name_id = std::move(issued.name_id);
  return prepared;
}

void deliver_sign_in(const SignInPlan& plan, PreparedSignIn& prepared, Sample& sample) {
  Browser& browser = prepared.browser;
  const Signals& signals = plan.target.signals;
  auto before = signals.session_cookie ? browser.cookie(*signals.session_cookie) : std::nullopt;
  reports::NamedValues headers;
  if (plan.target.json_verdict) {
    headers.emplace_back("Accept", "application/json");
  }
  auto step = SteadyClock::now();
  auto answer = browser.post_form(prepared.acs_url, prepared.form, headers, "POST SAMLResponse to ACS");
  sample.acs_seconds = since(step);
  if (!answer) {
    return failed(sample, answer.error());
  }
  auto judged = judge_acs_answer(plan.target, browser, *answer, before, JudgeDepth::answer_only);
  if (!judged) {
    return failed(sample, judged.error());
  }
  const reports::Observation& observed = judged->observed;
  bool accepted = observed.outcome == reports::Outcome::accept;
  sample.outcome = accepted ? SampleOutcome::accept : SampleOutcome::reject;
  if (!accepted) {
    sample.reason = observed.reason ? *observed.reason : observed.sp_reason ? *observed.sp_reason : observed.signal;
  }
  const idp::User* signed_in = plan.idp.find_user(prepared.user);
  StepFacts facts{prepared.name_id, signed_in != nullptr ? signed_in->mail : std::string(), 0, ""};
  reports::StepResult graded;
  judge_step(expectation_in_flow(plan.scenario.steps.front(), plan.flow, plan.policy), *judged, plan.target, facts,
             graded);
  sample.as_expected = graded.status == reports::Status::passed;
}

void sign_in_once(const SignInPlan& plan, const std::string& user, Sample& sample) {
  try {
    if (auto prepared = prepare_sign_in(plan, user, sample)) {
      deliver_sign_in(plan, *prepared, sample);
    }
  } catch (const std::exception& e) {
    sample.outcome = SampleOutcome::error;
    sample.reason = std::string(core::id(core::Reason::internal_error));
    sample.detail = e.what();
  }
}

}  // namespace samlt::runner::load
