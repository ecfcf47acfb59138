// SPDX-License-Identifier: Apache-2.0
// How a step's expectation is compared with what the SP did.
#include "step_verdict.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Catch::Matchers::Contains;
using reports::Outcome;
using reports::Status;

namespace {

runner::Judgement judged(Outcome outcome, std::optional<std::string> reason = std::nullopt) {
  runner::Judgement j;
  j.observed.outcome = outcome;
  j.observed.reason = std::move(reason);
  j.observed.detail = "HTTP 403";
  j.final_url = "http://127.0.0.1:1/me";
  return j;
}

reports::StepResult compare(const runner::Expectation& expected, const runner::Judgement& j) {
  runner::Target target;
  target.file = "target.json";
  reports::StepResult step;
  step.expected = {expected.outcome, expected.reason};
  step.observed = j.observed;
  runner::judge_step(expected, j, target, step);
  return step;
}

}  // namespace

TEST_CASE("outcome and reason", "[runner]") {
  runner::Expectation reject{Outcome::reject, "conditions.expired", {}, std::nullopt};
  auto wrong_outcome = compare(reject, judged(Outcome::accept));
  CHECK(wrong_outcome.status == Status::failed);
  CHECK_THAT(wrong_outcome.message, Contains("expected reject/conditions.expired") && Contains("got accept"));

  auto wrong_reason = compare(reject, judged(Outcome::reject, "audience_restriction.audience_mismatch"));
  CHECK(wrong_reason.status == Status::failed);
  CHECK_THAT(wrong_reason.message, Contains("wrong reason"));

  auto right = compare(reject, judged(Outcome::reject, "conditions.expired"));
  CHECK(right.status == Status::passed);

  auto opaque = compare(reject, judged(Outcome::reject));
  CHECK(opaque.status == Status::passed);
  CHECK_THAT(opaque.message, Contains("reason not checked"));
}

TEST_CASE("session values and redirect on acceptance", "[runner]") {
  runner::Expectation accept{Outcome::accept, std::nullopt, {{"/email", "alex@contoso.example"}, {"/n/0", "2"}}, "/me$"};
  auto j = judged(Outcome::accept);
  j.session_page = nlohmann::json{{"email", "alex@contoso.example"}, {"n", {2}}};
  CHECK(compare(accept, j).status == Status::passed);

  j.session_page = nlohmann::json{{"email", "mallory@contoso.example"}, {"n", {2}}};
  auto wrong = compare(accept, j);
  CHECK(wrong.status == Status::failed);
  CHECK_THAT(wrong.message, Contains("/email is 'mallory@contoso.example', expected 'alex@contoso.example'"));

  j.session_page = nlohmann::json{{"email", "alex@contoso.example"}};
  CHECK_THAT(compare(accept, j).message, Contains("session page has no /n/0"));

  j.session_page.reset();
  auto unchecked = compare(accept, j);
  CHECK(unchecked.status == Status::passed);
  CHECK_THAT(unchecked.message, Contains("session values not checked"));

  j.session_page = nlohmann::json{{"email", "alex@contoso.example"}, {"n", {2}}};
  j.final_url = "http://127.0.0.1:1/error";
  auto redirected = compare(accept, j);
  CHECK(redirected.status == Status::failed);
  CHECK_THAT(redirected.message, Contains("final URL 'http://127.0.0.1:1/error' does not match"));
}

TEST_CASE("the scenario takes its worst step", "[runner]") {
  reports::ScenarioResult result;
  reports::StepResult ok;
  ok.name = "sign_in (step 1)";
  ok.status = Status::passed;
  reports::StepResult bad;
  bad.name = "replay (step 2)";
  bad.status = Status::failed;
  bad.message = "expected reject, got accept";
  result.steps = {ok, bad};
  runner::summarize_steps(result);
  CHECK(result.status == Status::failed);
  CHECK(result.message == "replay (step 2): expected reject, got accept");
  result.steps.clear();
  runner::summarize_steps(result);
  CHECK(result.status == Status::error);
}
