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

reports::StepResult compare(const runner::Expectation& expected, const runner::Judgement& j,
                            const runner::StepFacts& facts = {}) {
  runner::Target target;
  target.file = "target.json";
  reports::StepResult step;
  step.expected = {expected.outcome, expected.reason, expected.family, expected.grade};
  step.observed = j.observed;
  runner::judge_step(expected, j, target, facts, step);
  return step;
}

}  // namespace

TEST_CASE("outcome and reason", "[runner]") {
  runner::Expectation reject{Outcome::reject, "conditions.expired"};
  auto wrong_outcome = compare(reject, judged(Outcome::accept));
  CHECK(wrong_outcome.status == Status::failed);
  CHECK(wrong_outcome.code == "outcome_mismatch");

  auto wrong_reason = compare(reject, judged(Outcome::reject, "audience_restriction.audience_mismatch"));
  CHECK(wrong_reason.status == Status::failed);
  CHECK(wrong_reason.code == "reason_mismatch");

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

TEST_CASE("a family accepts any of its reasons; safe accepts a rejection or the attacker's own session", "[runner]") {
  runner::Expectation family;
  family.family = "SIG_PROFILE/ID_AMBIGUOUS";
  CHECK(compare(family, judged(Outcome::reject, "xml.id_duplicated")).status == Status::passed);
  CHECK(compare(family, judged(Outcome::reject, "signature.misplaced")).status == Status::passed);
  auto wrong = compare(family, judged(Outcome::reject, "conditions.expired"));
  CHECK(wrong.status == Status::failed);
  CHECK(wrong.code == "reason_mismatch");

  runner::Expectation safe;
  safe.family = "ASSERTION_COUNT";
  safe.grade = reports::Grade::safe;
  runner::StepFacts attacker{"alex@contoso.example", "alex@contoso.example", 0};
  CHECK(compare(safe, judged(Outcome::reject, "assertion.multiple"), attacker).status == Status::passed);
  auto as_attacker = judged(Outcome::accept);
  as_attacker.session_page = nlohmann::json{{"name_id", "alex@contoso.example"}, {"email", "alex@contoso.example"}};
  CHECK(compare(safe, as_attacker, attacker).status == Status::passed);
  auto as_victim = judged(Outcome::accept);
  as_victim.session_page = nlohmann::json{{"name_id", "megan@contoso.example"}, {"email", "alex@contoso.example"}};
  auto violated = compare(safe, as_victim, attacker);
  CHECK(violated.status == Status::failed);
  CHECK(violated.code == "safe_violated");
  auto unknown = compare(safe, judged(Outcome::accept), attacker);
  CHECK(unknown.status == Status::failed);
  CHECK(unknown.code == "safe_unverified");
}

TEST_CASE("a safe acceptance with session values must be the attacker's own principal (ACCT-CROSS-IDP)", "[runner]") {
  runner::Expectation safe{Outcome::reject};
  safe.grade = reports::Grade::safe;
  safe.session = {{"/issuer", "https://sts.windows.net/idp-b/"}};
  runner::StepFacts attacker{"megan@contoso.example", "megan@contoso.example", 0};
  auto as_idp_b = judged(Outcome::accept);
  as_idp_b.session_page = nlohmann::json{
      {"name_id", "megan@contoso.example"}, {"email", "megan@contoso.example"}, {"issuer", "https://sts.windows.net/idp-b/"}};
  CHECK(compare(safe, as_idp_b, attacker).status == Status::passed);
  auto into_idp_a_account = as_idp_b;
  into_idp_a_account.session_page->at("issuer") = "https://sts.windows.net/idp-a/";
  auto violated = compare(safe, into_idp_a_account, attacker);
  CHECK(violated.status == Status::failed);
  CHECK(violated.code == "safe_violated");
  CHECK_THAT(violated.message, Contains("/issuer is 'https://sts.windows.net/idp-a/'"));
  auto unscoped = as_idp_b;
  unscoped.session_page->erase("issuer");
  CHECK(compare(safe, unscoped, attacker).code == "safe_violated");
  CHECK(compare(safe, judged(Outcome::reject), attacker).status == Status::passed);
}

TEST_CASE("a fetched canary fails a no_fetch step; an ungraded one is skipped with what was seen", "[runner]") {
  runner::Expectation no_fetch{Outcome::reject};
  no_fetch.no_fetch = true;
  CHECK(compare(no_fetch, judged(Outcome::reject), {"", "", 0}).status == Status::passed);
  auto fetched = compare(no_fetch, judged(Outcome::reject), {"", "", 1});
  CHECK(fetched.status == Status::failed);
  CHECK(fetched.code == "canary_fetched");

  runner::Expectation ungraded;
  ungraded.outcome = Outcome::none;
  ungraded.grade = reports::Grade::ungraded;
  auto reported = compare(ungraded, judged(Outcome::accept));
  CHECK(reported.status == Status::skipped);
  CHECK(reported.code == "policy_ungraded");
}
