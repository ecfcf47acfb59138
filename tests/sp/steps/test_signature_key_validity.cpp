// SPDX-License-Identifier: Apache-2.0
#include "support/step_fixture.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

TEST_CASE("signature.key_validity: the active certificate passes", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to("signature.key_validity", ev));
}

TEST_CASE("signature.key_validity: an expired trusted certificate is refused", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.signer_role = "idp-signing-expired";
  spec.signing = GENERATE(test::SignWith::assertion, test::SignWith::response);
  f.post(spec);
  CHECK(f.reason_at("signature.key_validity") == Reason::key_certificate_expired);
  f.policy.enforce_certificate_validity = false;
  sp::Evidence ev;
  CHECK(f.run_to("signature.key_validity", ev));
}

TEST_CASE("signature.key_validity: a not-yet-valid trusted certificate is refused", "[sp][step]") {
  test::StepFixture f;
  f.trust[0].signing_certificates.push_back(test::test_credential("idp-signing-not-yet-valid").certificate);
  auto spec = test::entra_spec(f.clock.now());
  spec.signer_role = "idp-signing-not-yet-valid";
  f.post(spec);
  CHECK(f.reason_at("signature.key_validity") == Reason::key_certificate_not_yet_valid);
}

TEST_CASE("signature.key_validity: the validity window's edges", "[sp][step]") {
  test::StepFixture f;
  const auto& cert = test::test_credential("idp-signing").certificate;
  auto spec = test::entra_spec(cert.not_after() - std::chrono::minutes(1));
  f.post(spec);
  f.clock.set(cert.not_after() - std::chrono::milliseconds(1));
  sp::Evidence ev;
  CHECK(f.run_to("signature.key_validity", ev));
  f.clock.set(cert.not_after());
  CHECK(f.reason_at("signature.key_validity") == Reason::key_certificate_expired);
}
