// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

test::EntraResponseSpec response_signed(test::StepFixture& f) {
  auto spec = test::entra_spec(f.clock.now());
  spec.signing = test::SignWith::response;
  return spec;
}

xmlNode* response_signature(test::ResponseParts& p) { return core::child_named(p.response, n::ns_dsig, "Signature"); }

}  // namespace

TEST_CASE("signature.response: absent passes, valid verifies", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  REQUIRE(f.run_to("signature.response", ev));
  CHECK_FALSE(ev.response_signature);
  f.post(response_signed(f));
  sp::Evidence signed_ev;
  REQUIRE(f.run_to("signature.response", signed_ev));
  REQUIRE(signed_ev.response_signature);
  CHECK(signed_ev.response_signature->element == signed_ev.response);
}

TEST_CASE("signature.response: content changed after signing is a digest mismatch", "[sp][step]") {
  test::StepFixture f;
  auto spec = response_signed(f);
  spec.after_signing = [](auto& p) { core::set_text(p.name_id, "megan.bowen@contoso.example"); };
  f.post(spec);
  CHECK(f.reason_at("signature.response") == Reason::signature_digest_mismatch);
}

TEST_CASE("signature.response: keys come from the trust store only", "[sp][step]") {
  test::StepFixture f;
  auto spec = response_signed(f);
  SECTION("attacker key, attacker certificate in KeyInfo (KEY-SELF-SIGNED)") {
    spec.signer_role = "idp-rogue";
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::key_untrusted);
  }
  SECTION("no trusted certificate at all") {
    f.trust[0].signing_certificates.clear();
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::key_no_trusted_keys);
  }
  SECTION("a trusted but short key") {
    f.trust[0].signing_certificates = {test::test_credential("idp-weak").certificate};
    spec.signer_role = "idp-weak";
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::key_too_weak);
  }
}

TEST_CASE("signature.response: the SAML signature profile", "[sp][step]") {
  test::StepFixture f;
  auto spec = response_signed(f);
  SECTION("SHA-1 is refused by default") {
    spec.algorithm = core::SignatureAlgorithm::rsa_sha1;
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::signature_algorithm_forbidden);
    f.policy.min_signature_algorithm = sp::MinSignatureAlgorithm::sha1;
    sp::Evidence ev;
    CHECK(f.run_to("signature.response", ev));
  }
  SECTION("moved to the end of the Response") {
    spec.after_signing = [](auto& p) {
      xmlNode* signature = response_signature(p);
      xmlUnlinkNode(signature);
      xmlAddChild(p.response, signature);
    };
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::signature_misplaced);
  }
  SECTION("two Signatures") {
    spec.after_signing = [](auto& p) { xmlAddChild(p.response, xmlCopyNode(response_signature(p), 1)); };
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::signature_multiple);
  }
  SECTION("an XPath transform added") {
    spec.after_signing = [](auto& p) {
      xmlNode* info = core::child_named(response_signature(p), n::ns_dsig, "SignedInfo");
      xmlNode* transforms = core::child_named(core::child_named(info, n::ns_dsig, "Reference"), n::ns_dsig, "Transforms");
      xmlNode* xpath = core::append_element(transforms, n::ns_dsig, "", "Transform");
      core::set_attribute(xpath, "Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
    };
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::signature_transform_forbidden);
  }
  SECTION("a Reference to another element") {
    spec.after_signing = [](auto& p) {
      xmlNode* info = core::child_named(response_signature(p), n::ns_dsig, "SignedInfo");
      core::set_attribute(core::child_named(info, n::ns_dsig, "Reference"), "URI", "#" + *core::attribute(p.assertion, "ID"));
    };
    f.post(spec);
    CHECK(f.reason_at("signature.response") == Reason::signature_reference_not_parent);
  }
}
