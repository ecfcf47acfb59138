// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_time.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
using namespace std::chrono_literals;

TEST_CASE("authn_statement.session: SessionNotOnOrAfter", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  core::TimePoint now = f.clock.now();
  SECTION("absent (Entra) passes") {
    f.post(spec);
    sp::Evidence ev;
    REQUIRE(f.run_to("authn_statement.session", ev));
    CHECK_FALSE(ev.session_not_on_or_after);
  }
  SECTION("in the future passes and bounds the session") {
    spec.before_signing = [=](auto& p) { core::set_attribute(p.authn, "SessionNotOnOrAfter", core::format_datetime(now + 2h)); };
    f.post(spec);
    sp::Evidence ev;
    REQUIRE(f.run_to("authn_statement.session", ev));
    CHECK(ev.session_not_on_or_after == now + 2h);
  }
  SECTION("passed (TIME-SESSION-EXPIRED)") {
    spec.before_signing = [=](auto& p) { core::set_attribute(p.authn, "SessionNotOnOrAfter", core::format_datetime(now - 1h)); };
    f.post(spec);
    CHECK(f.reason_at("authn_statement.session") == Reason::authn_statement_session_expired);
  }
  SECTION("unparseable") {
    spec.before_signing = [](auto& p) { core::set_attribute(p.authn, "SessionNotOnOrAfter", "soon"); };
    f.post(spec);
    CHECK(f.reason_at("authn_statement.session") == Reason::time_unparseable);
  }
}
