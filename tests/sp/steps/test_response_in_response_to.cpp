// SPDX-License-Identifier: Apache-2.0
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

test::EntraResponseSpec answering(test::StepFixture& f, const std::string& id) {
  auto spec = test::entra_spec(f.clock.now());
  spec.in_response_to = id;
  return spec;
}

}  // namespace

TEST_CASE("response.in_response_to: an outstanding request from this browser passes", "[sp][step]") {
  test::StepFixture f;
  f.expect_request("_req1");
  f.post(answering(f, "_req1"));
  sp::Evidence ev;
  REQUIRE(f.run_to("response.in_response_to", ev));
  REQUIRE(ev.request);
  CHECK(ev.request->id == "_req1");
}

TEST_CASE("response.in_response_to: unknown, empty, expired, other browser, other IdP", "[sp][step]") {
  test::StepFixture f;
  f.expect_request("_req1");
  SECTION("never issued (IRT-UNKNOWN)") { f.post(answering(f, "_never_issued")); }
  SECTION("empty (IRT-EMPTY)") { f.post(answering(f, "")); }
  SECTION("expired: exactly at its expiry") {
    f.post(answering(f, "_req1"));
    f.clock.set(f.outstanding["_req1"].expires_at);
  }
  SECTION("started by another browser") {
    f.post(answering(f, "_req1"));
    f.browser_binding = "browser-2";
  }
  SECTION("sent to another IdP") {
    f.outstanding["_req1"].idp = "keycloak";
    f.post(answering(f, "_req1"));
  }
  SECTION("a LogoutRequest ID") {
    f.outstanding["_req1"].kind = sp::RequestKind::logout;
    f.post(answering(f, "_req1"));
  }
  CHECK(f.reason_at("response.in_response_to") == Reason::response_in_response_to_unknown);
}

TEST_CASE("response.in_response_to: unsolicited follows policy.allow_unsolicited", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to("response.in_response_to", ev));
  CHECK_FALSE(ev.request);
  f.policy.allow_unsolicited = false;
  CHECK(f.reason_at("response.in_response_to") == Reason::response_unsolicited_forbidden);
}

TEST_CASE("response.in_response_to: a failing lookup is store.failed, never a pass", "[sp][step]") {
  test::StepFixture f;
  f.lookup = [](std::string_view) -> core::Result<std::optional<sp::OutstandingRequest>> {
    return core::fail(Reason::store_failed, "disk I/O error");
  };
  f.post(answering(f, "_req1"));
  CHECK(f.reason_at("response.in_response_to") == Reason::store_failed);
}
