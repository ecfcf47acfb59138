// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/validation/pipeline.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

using namespace samlt;
using core::Reason;
using test::SignWith;

TEST_CASE("pipeline: a valid Entra response passes for every signing option", "[sp][pipeline]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.signing = GENERATE(SignWith::assertion, SignWith::response, SignWith::both);
  spec.encrypt = GENERATE(false, true);
  spec.content = GENERATE(core::ContentEncryption::aes256_cbc, core::ContentEncryption::aes256_gcm);
  f.post(spec);
  sp::Evidence ev;
  sp::Verdict verdict = f.run_all(ev);
  INFO(verdict.step << ": " << core::id(verdict.reason) << ": " << verdict.detail);
  CHECK(verdict.accepted);
  CHECK(verdict.trace.size() == sp::pipeline_steps().size());
  CHECK(ev.email == test::k_user);
}

TEST_CASE("pipeline: SP-initiated with the request answered", "[sp][pipeline]") {
  test::StepFixture f;
  f.expect_request("_req1");
  auto spec = test::entra_spec(f.clock.now());
  spec.in_response_to = "_req1";
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_all(ev).accepted);
}

TEST_CASE("pipeline: stops at the first failure and names its step", "[sp][pipeline]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.audiences = {"https://other-sp.test"};
  spec.recipient = "https://other-sp.test/acs";  // two faults: the earlier step wins
  f.post(spec);
  sp::Evidence ev;
  sp::Verdict verdict = f.run_all(ev);
  CHECK_FALSE(verdict.accepted);
  CHECK(verdict.reason == Reason::subject_confirmation_recipient_mismatch);
  CHECK(verdict.step == "subject_confirmation.bearer");
  CHECK(verdict.trace.back().step == "subject_confirmation.bearer");
  CHECK_FALSE(verdict.trace.back().passed);
  for (std::size_t i = 0; i + 1 < verdict.trace.size(); ++i) {
    CHECK(verdict.trace[i].passed);
  }
}

TEST_CASE("pipeline: fails closed", "[sp][pipeline]") {
  sp::Verdict fresh;
  CHECK_FALSE(fresh.accepted);
  CHECK(fresh.reason == Reason::internal_error);
  sp::Verdict verdict;
  verdict.accepted = true;
  bool passed = sp::run_traced("boom", []() -> core::Result<void> { throw std::runtime_error("boom"); }, verdict);
  CHECK_FALSE(passed);
  CHECK_FALSE(verdict.accepted);
  CHECK(verdict.reason == Reason::internal_error);
  CHECK(verdict.step == "boom");
}

TEST_CASE("pipeline: step ids are unique, dotted and in the documented order", "[sp][pipeline]") {
  std::set<std::string_view> ids;
  std::vector<std::string_view> order;
  for (const auto& step : sp::pipeline_steps()) {
    CHECK(ids.insert(step.id).second);
    CHECK(step.id.find('.') != std::string_view::npos);
    order.push_back(step.id);
  }
  auto position = [&](std::string_view id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
  CHECK(position("binding.post_form") == 0);
  CHECK(position("signature.response") < position("assertion.decrypt"));
  CHECK(position("assertion.decrypt") < position("signature.assertion"));
  CHECK(position("signature.assertion") < position("assertion.issuer"));
  CHECK(position("subject_confirmation.bearer") < position("conditions.time"));
  CHECK(position("conditions.time") < position("audience_restriction.audience"));
}
