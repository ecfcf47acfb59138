// SPDX-License-Identifier: Apache-2.0
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

TEST_CASE("authn_statement.present: Entra's AuthnStatement passes and its SessionIndex is kept", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.assertion_id = "_4f2d8c1b-7a9e-4c3d-b5f6-0e1a2b3c0d00";
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to("authn_statement.present", ev));
  CHECK(ev.session_index == "_4f2d8c1b-7a9e-4c3d-b5f6-0e1a2b3c0d00");
}

TEST_CASE("authn_statement.present: no AuthnStatement (AUTHN-MISSING)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = [](auto& p) { core::remove_node(p.authn); };
  f.post(spec);
  CHECK(f.reason_at("authn_statement.present") == Reason::authn_statement_missing);
}
