// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
using sp::RequiredSignatures;
using test::SignWith;
namespace n = core::names;

TEST_CASE("signature.assertion: the verified node is the one consumed", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.signing = GENERATE(SignWith::assertion, SignWith::response, SignWith::both);
  spec.encrypt = GENERATE(false, true);
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to("signature.assertion", ev));
  REQUIRE(ev.assertion);
  CHECK(ev.assertion->node() == ev.assertion_candidate);
  CHECK(ev.assertion->signed_itself() == (spec.signing != SignWith::response));
  CHECK_FALSE(ev.assertion_id.empty());
}

TEST_CASE("signature.assertion: the policy on required signatures", "[sp][step]") {
  struct Case {
    RequiredSignatures policy;
    SignWith signing;
    Reason expected;
  };
  auto c = GENERATE(Case{RequiredSignatures::either, SignWith::none, Reason::assertion_unsigned},
                    Case{RequiredSignatures::assertion, SignWith::none, Reason::assertion_unsigned},
                    Case{RequiredSignatures::assertion, SignWith::response, Reason::assertion_unsigned},
                    Case{RequiredSignatures::response, SignWith::assertion, Reason::signature_missing},
                    Case{RequiredSignatures::both, SignWith::assertion, Reason::signature_missing},
                    Case{RequiredSignatures::both, SignWith::response, Reason::assertion_unsigned},
                    Case{RequiredSignatures::both, SignWith::none, Reason::signature_missing},
                    Case{RequiredSignatures::response, SignWith::none, Reason::signature_missing});
  test::StepFixture f;
  f.policy.required_signatures = c.policy;
  auto spec = test::entra_spec(f.clock.now());
  spec.signing = c.signing;
  f.post(spec);
  CHECK(f.reason_at("signature.assertion") == c.expected);
}

TEST_CASE("signature.assertion: an attacker-encrypted unsigned assertion (ENC-UNSIGNED-INNER)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.signing = SignWith::none;
  spec.encrypt = true;
  f.post(spec);
  CHECK(f.reason_at("signature.assertion") == Reason::assertion_unsigned);
}

TEST_CASE("signature.assertion: tampering and untrusted keys", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("the NameID changed after signing") {
    spec.after_signing = [](auto& p) { core::set_text(p.name_id, "megan.bowen@contoso.example"); };
    f.post(spec);
    CHECK(f.reason_at("signature.assertion") == Reason::signature_digest_mismatch);
  }
  SECTION("an attribute added after signing") {
    spec.after_signing = [](auto& p) {
      xmlNode* attribute = core::append_element(p.attributes, n::ns_assertion, "", "Attribute");
      core::set_attribute(attribute, "Name", "role");
      core::append_element(attribute, n::ns_assertion, "", "AttributeValue", "admin");
    };
    f.post(spec);
    CHECK(f.reason_at("signature.assertion") == Reason::signature_digest_mismatch);
  }
  SECTION("SignatureValue changed") {
    spec.after_signing = [](auto& p) {
      xmlNode* value = core::child_named(core::child_named(p.assertion, n::ns_dsig, "Signature"), n::ns_dsig, "SignatureValue");
      std::string text = *core::simple_text(value);
      text[10] = text[10] == 'A' ? 'B' : 'A';
      core::set_text(value, text);
    };
    f.post(spec);
    CHECK(f.reason_at("signature.assertion") == Reason::signature_invalid);
  }
  SECTION("re-signed by an attacker whose certificate is in KeyInfo") {
    spec.signer_role = "idp-rogue";
    f.post(spec);
    CHECK(f.reason_at("signature.assertion") == Reason::key_untrusted);
  }
  SECTION("signed by another IdP's key (KEY-OTHER-IDP)") {
    spec.signer_role = "sp-signing";
    f.post(spec);
    CHECK(f.reason_at("signature.assertion") == Reason::key_untrusted);
  }
}

TEST_CASE("signature.assertion: the rollover certificate verifies (POS-KEY-ROLLOVER)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.signer_role = "idp-signing-next";
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("signature.assertion", ev));
}

TEST_CASE("signature.assertion: the signed assertion hidden, an unsigned one consumed (XSW)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.after_signing = [](auto& p) {
    // The signed original moves into Extensions; an unsigned copy naming the victim takes its place.
    xmlNode* evil = xmlCopyNode(p.assertion, 1);
    core::set_attribute(evil, "ID", "_evil");
    core::remove_node(core::child_named(evil, n::ns_dsig, "Signature"));
    xmlNode* extensions = core::insert_element_after(core::first_element_child(p.response), n::ns_protocol, "samlp", "Extensions");
    xmlUnlinkNode(p.assertion);
    xmlAddChild(extensions, p.assertion);
    xmlAddChild(p.response, evil);
  };
  f.post(spec);
  CHECK(f.reason_at("signature.assertion") == Reason::assertion_unsigned);
}
