// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("assertion.issuer: the signed Issuer names the IdP", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to("assertion.issuer", ev));
}

TEST_CASE("assertion.issuer: missing, wrong, or with a non-entity Format", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("missing (ISS-ASSERT-MISSING)") {
    spec.before_signing = [](auto& p) { core::remove_node(core::child_named(p.assertion, n::ns_assertion, "Issuer")); };
    f.post(spec);
    CHECK(f.reason_at("assertion.issuer") == Reason::assertion_issuer_missing);
  }
  SECTION("another tenant (ISS-WRONG)") {
    spec.assertion_issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/";
    f.post(spec);
    CHECK(f.reason_at("assertion.issuer") == Reason::assertion_issuer_mismatch);
  }
  SECTION("the global issuer") {
    spec.assertion_issuer = "urn:federation:MicrosoftOnline";
    f.post(spec);
    CHECK(f.reason_at("assertion.issuer") == Reason::assertion_issuer_mismatch);
  }
  SECTION("Format persistent (ISS-FORMAT)") {
    spec.before_signing = [](auto& p) {
      core::set_attribute(core::child_named(p.assertion, n::ns_assertion, "Issuer"), "Format", n::nameid_persistent);
    };
    f.post(spec);
    CHECK(f.reason_at("assertion.issuer") == Reason::assertion_issuer_format_invalid);
  }
}
