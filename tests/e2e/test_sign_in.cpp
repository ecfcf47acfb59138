// SPDX-License-Identifier: Apache-2.0
// End to end in process (issue #4): what Entra sends is accepted, each of the user's five faults is
// rejected for its own reason, replays and stale requests are refused, also across a restart.
#include "federation.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

namespace {

std::string verdict_of(test::Federation& federation, const test::SignIn& request) {
  auto exchange = federation.sign_in(request);
  INFO("step " << exchange.verdict.step << ": " << exchange.verdict.detail);
  return std::string(test::reason_id(exchange.verdict));
}

test::SignIn with_app(nlohmann::json overrides) {
  test::SignIn request;
  request.app_overrides = std::move(overrides);
  return request;
}

test::SignIn with_fault(const std::string& id) {
  test::SignIn request;
  request.mutators = {{id, nlohmann::json::object()}};
  return request;
}

}  // namespace

TEST_CASE("a valid response is accepted for every signing option", "[e2e]") {
  test::Federation federation;
  for (std::string signing : {"assertion", "response", "both"}) {
    INFO(signing);
    CHECK(verdict_of(federation, with_app({{"signing", signing}})) == "accepted");
    // Entra's SHA-1 option: refused by the default policy (minimum SHA-256).
    CHECK(verdict_of(federation, with_app({{"signing", signing}, {"algorithm", "sha1"}})) ==
          "signature.algorithm_forbidden");
  }
  CHECK(verdict_of(federation, with_app({{"token_encryption", {{"enabled", true}, {"certificate", "sp-encryption"}}}})) ==
        "accepted");
  test::SignIn unsolicited;
  unsolicited.idp_initiated = true;
  CHECK(verdict_of(federation, unsolicited) == "accepted");
}

TEST_CASE("each of the five user-named faults is rejected with its own reason", "[e2e]") {
  test::Federation federation;
  CHECK(verdict_of(federation, with_fault("signing.certificate_expired")) == "key.certificate_expired");
  CHECK(verdict_of(federation, with_fault("audience.wrong")) == "audience_restriction.audience_mismatch");
  CHECK(verdict_of(federation, with_fault("claim.email_missing")) == "attribute.email_missing");
  CHECK(verdict_of(federation, with_fault("assertion.unsigned")) == "assertion.unsigned");
  for (std::string issuer : {"issuer.no_trailing_slash", "issuer.login_microsoftonline", "issuer.v2_endpoint",
                             "issuer.multitenant_template", "issuer.other_tenant"}) {
    INFO(issuer);
    CHECK(verdict_of(federation, with_fault(issuer)) == "response.issuer_mismatch");
  }
}

TEST_CASE("the same response posted twice is rejected the second time, also after a restart", "[e2e]") {
  test::Federation federation;
  auto first = federation.sign_in();
  REQUIRE(first.verdict.accepted);
  CHECK(test::reason_id(federation.post(first.form, first.browser_binding)) == "replay.assertion_reused");
  CHECK(test::reason_id(federation.post(first.form)) != "accepted");

  test::SignIn unsolicited;
  unsolicited.idp_initiated = true;
  auto second = federation.sign_in(unsolicited);
  REQUIRE(second.verdict.accepted);
  federation.restart_sp();
  CHECK(test::reason_id(federation.post(second.form)) == "replay.assertion_reused");
}

TEST_CASE("a response to an unknown or already-used request ID is rejected", "[e2e]") {
  test::Federation federation;
  CHECK(verdict_of(federation, with_fault("in_response_to.unknown")) == "response.in_response_to_unknown");
  // Two different responses to one AuthnRequest: the first uses the request up.
  auto login = federation.sp().begin_login("entra");
  REQUIRE(login);
  std::string query = login->url.substr(login->url.find('?') + 1);
  auto first = federation.answer({}, query);
  auto second = federation.answer({}, query);
  CHECK(test::reason_id(federation.post(first, login->browser_binding)) == "accepted");
  CHECK(test::reason_id(federation.post(second, login->browser_binding)) == "response.in_response_to_unknown");
}

TEST_CASE("clock skew boundaries hold end to end (skew 180 s, Entra backdates NotBefore 5 min)", "[e2e][time]") {
  test::Federation federation;
  auto at_offset = [&](long long seconds) {
    test::SignIn request;
    request.clock_offset_seconds = seconds;
    return verdict_of(federation, request);
  };
  // The Response's IssueInstant is T0 + offset + about 0.2 s (entra-spec §1.4): refused once it is
  // more than 180 s ahead of the SP. (NotBefore, backdated 5 min, would allow 480 s.)
  CHECK(at_offset(179) == "accepted");
  CHECK(at_offset(181) == "time.issued_in_future");
  // NotOnOrAfter (Conditions and the bearer confirmation) = T0 + offset + 3600 s; refused once
  // now >= NotOnOrAfter + 180 s.
  CHECK(at_offset(-3779) == "accepted");
  CHECK(at_offset(-3780) == "subject_confirmation.expired");
}
