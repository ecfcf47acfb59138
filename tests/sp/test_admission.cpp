// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/validation/admission.hpp"
#include "samlt/sp/validation/pipeline.hpp"
#include "support/step_fixture.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

struct Admitted {
  sp::Verdict verdict;
  sp::Evidence ev;
};

// The pipeline and then admission against `store`, as ServiceProvider does it.
Admitted decide(test::StepFixture& f, sp::Store& store) {
  Admitted out;
  sp::Context ctx = f.context();
  out.verdict = sp::run_pipeline(ctx, out.ev);
  INFO(out.verdict.step << ": " << out.verdict.detail);
  REQUIRE(out.verdict.accepted);
  sp::admit(ctx, out.ev, store, out.verdict);
  return out;
}

sp::Store open_store(const std::string& path = ":memory:") {
  auto store = sp::Store::open(path);
  REQUIRE(store);
  for (const auto& account : {sp::Account{"alex.wilber@contoso.example", "Alex Wilber", "user", true, true, "entra", ""},
                              sp::Account{"disabled.user@contoso.example", "Disabled", "user", false, true, "entra", ""},
                              sp::Account{"local@contoso.example", "Local", "user", true, false, "", ""},
                              sp::Account{"kc@contoso.example", "KC", "user", true, true, "keycloak", ""}}) {
    REQUIRE(store->insert_account_if_absent(account));
  }
  return std::move(*store);
}

}  // namespace

TEST_CASE("admission: a fresh assertion is admitted and a session created", "[sp][admission]") {
  test::StepFixture f;
  auto store = open_store();
  f.post(test::entra_spec(f.clock.now()));
  auto out = decide(f, store);
  REQUIRE(out.verdict.accepted);
  CHECK(out.verdict.trace.size() == sp::pipeline_steps().size() + sp::admission_steps().size());
  CHECK(out.verdict.trace.back().step == "session.create");
  auto session = store.find_session(out.ev.session_id, f.clock.now());
  REQUIRE(session);
  REQUIRE(*session);
  CHECK((*session)->account_email == "alex.wilber@contoso.example");
  CHECK((*session)->session_index == out.ev.assertion_id);
  CHECK((*session)->attributes_json.find("Alex Wilber") != std::string::npos);
}

TEST_CASE("admission: the same assertion twice is replay.assertion_reused (REPLAY-SAME)", "[sp][admission]") {
  test::StepFixture f;
  auto store = open_store();
  f.post(test::entra_spec(f.clock.now()));
  REQUIRE(decide(f, store).verdict.accepted);
  auto second = decide(f, store);
  CHECK_FALSE(second.verdict.accepted);
  CHECK(second.verdict.reason == Reason::replay_assertion_reused);
  CHECK(second.verdict.step == "replay.assertion_id");
}

TEST_CASE("admission: replay is refused after a restart (REPLAY-PERSISTENCE)", "[sp][admission]") {
  test::TempDir dir;
  std::string path = (dir / "sp.sqlite").string();
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  {
    auto store = open_store(path);
    REQUIRE(decide(f, store).verdict.accepted);
  }
  auto reopened = sp::Store::open(path);
  REQUIRE(reopened);
  auto again = decide(f, *reopened);
  CHECK(again.verdict.reason == Reason::replay_assertion_reused);
}

TEST_CASE("admission: a request ID is consumed once (IRT-REUSE, racing answers)", "[sp][admission]") {
  test::StepFixture f;
  auto store = open_store();
  f.expect_request("_req1");
  REQUIRE(store.add_outstanding(f.outstanding["_req1"]));
  auto spec = test::entra_spec(f.clock.now());
  spec.in_response_to = "_req1";
  f.post(spec);
  REQUIRE(decide(f, store).verdict.accepted);
  // A second, freshly signed answer: the pipeline only checks that the request exists; the atomic
  // consumption in admission refuses it.
  f.post(spec);
  auto second = decide(f, store);
  CHECK(second.verdict.reason == Reason::response_in_response_to_unknown);
  CHECK(second.verdict.step == "in_response_to.consume");
}

TEST_CASE("admission: account.map", "[sp][admission]") {
  test::StepFixture f;
  auto store = open_store();
  auto spec = test::entra_spec(f.clock.now());
  struct Case {
    const char* email;
    Reason expected;
  };
  auto c = GENERATE(Case{"nobody@contoso.example", Reason::account_unknown},
                    Case{"disabled.user@contoso.example", Reason::account_disabled},
                    Case{"local@contoso.example", Reason::account_sso_disabled},
                    Case{"kc@contoso.example", Reason::account_idp_mismatch});
  spec.name_id = c.email;
  spec.attributes = {{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", {c.email}}};
  f.post(spec);
  auto out = decide(f, store);
  CHECK_FALSE(out.verdict.accepted);
  CHECK(out.verdict.reason == c.expected);
  CHECK(out.verdict.step == "account.map");
  CHECK(out.ev.session_id.empty());
}

TEST_CASE("admission: emails match without case", "[sp][admission]") {
  test::StepFixture f;
  auto store = open_store();
  auto spec = test::entra_spec(f.clock.now());
  spec.attributes = {{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", {"Alex.Wilber@Contoso.Example"}}};
  f.post(spec);
  CHECK(decide(f, store).verdict.accepted);
}
