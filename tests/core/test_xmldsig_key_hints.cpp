// SPDX-License-Identifier: Apache-2.0
// KeyInfo as a hint only (attack-catalogue KEY-KEYVALUE, KEY-NO-KEYINFO-ATTACKER): a signature by
// a key outside the trust store is key.untrusted when KeyInfo names that key in any form (a
// certificate, RSAKeyValue, DEREncodedKeyValue, KeyName), and signature.invalid when KeyInfo says
// nothing or names a trusted key. KeyInfo never supplies the verification key.
#include "samlt/core/xmldsig.hpp"

#include "support/test_certs.hpp"
#include "xmldsig_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::KeyInfoForm;
using core::Reason;

namespace {

core::Result<core::VerifiedNode> sign_and_verify(std::string_view signer, KeyInfoForm form,
                                                 const std::string& key_info_text = {}) {
  auto sample = test::make_sample_response();
  core::SignOptions options;
  options.key_info = form;
  options.include_certificate = form != KeyInfoForm::none;
  options.key_info_text = key_info_text;
  auto signature = core::sign_enveloped(sample.doc, sample.assertion, test::test_credential(signer), options);
  REQUIRE(signature);
  std::vector<core::Certificate> trusted{test::test_credential("idp-signing").certificate};
  return core::verify_enveloped(sample.doc, *signature, trusted);
}

}  // namespace

TEST_CASE("a trusted signature verifies whatever key form KeyInfo carries", "[core][xmldsig]") {
  for (auto form : {KeyInfoForm::x509_certificate, KeyInfoForm::none, KeyInfoForm::rsa_key_value,
                    KeyInfoForm::der_encoded_key_value, KeyInfoForm::key_name}) {
    INFO(static_cast<int>(form));
    CHECK(sign_and_verify("idp-signing", form));
  }
  CHECK(sign_and_verify("idp-signing", KeyInfoForm::retrieval_method, "http://127.0.0.1:9/canary/k"));
}

TEST_CASE("an untrusted key named by KeyInfo in any form is key.untrusted", "[core][xmldsig]") {
  for (auto form : {KeyInfoForm::x509_certificate, KeyInfoForm::rsa_key_value, KeyInfoForm::der_encoded_key_value,
                    KeyInfoForm::key_name}) {
    INFO(static_cast<int>(form));
    auto verified = sign_and_verify("idp-rogue", form);
    REQUIRE_FALSE(verified);
    CHECK(verified.error().reason == Reason::key_untrusted);
  }
}

TEST_CASE("an untrusted signature whose KeyInfo names nothing, or a trusted key, is signature.invalid",
          "[core][xmldsig]") {
  auto none = sign_and_verify("idp-rogue", KeyInfoForm::none);
  REQUIRE_FALSE(none);
  CHECK(none.error().reason == Reason::signature_invalid);
  const auto& trusted = test::test_credential("idp-signing").certificate;
  for (const auto& name : {trusted.thumbprint_sha1(), trusted.subject()}) {
    INFO(name);
    auto named = sign_and_verify("idp-rogue", KeyInfoForm::key_name, name);
    REQUIRE_FALSE(named);
    CHECK(named.error().reason == Reason::signature_invalid);
  }
  auto retrieval = sign_and_verify("idp-rogue", KeyInfoForm::retrieval_method, "http://127.0.0.1:9/canary/k");
  REQUIRE_FALSE(retrieval);
  CHECK(retrieval.error().reason == Reason::signature_invalid);
}
