// SPDX-License-Identifier: Apache-2.0
// Every signing option × both algorithms (entra-spec §1.12), each signature checked by this
// project's verifier and by the xmlsec1 command line; token encryption (§1.13) decrypted with the
// SP's key.
#include "support/test_certs.hpp"
#include "idp_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmlenc.hpp"
#include "signature_check.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Names = std::vector<std::string>;
namespace n = core::names;

namespace {

xmlNode* assertion_of(const core::XmlDoc& doc) {
  return core::child_named(doc.root(), n::ns_assertion, "Assertion");
}

bool has_signature(const xmlNode* element) {
  return core::child_named(element, n::ns_dsig, "Signature") != nullptr;
}

}  // namespace

TEST_CASE("signing options × algorithms verify with core and with xmlsec1",
          "[idp][signing][xmlsec1]") {
  auto signing = GENERATE(as<std::string>{}, "assertion", "response", "both");
  auto algorithm = GENERATE(as<std::string>{}, "sha256", "sha1");
  bool sha1 = algorithm == "sha1";
  DYNAMIC_SECTION(signing << " / " << algorithm) {
    auto request = test::idp::sp_request();
    request.app_overrides = {{"signing", signing}, {"algorithm", algorithm}};
    auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
    auto doc = test::idp::parse(issued.xml);
    bool assertion_signed = signing != "response";
    bool response_signed = signing != "assertion";
    CHECK(has_signature(assertion_of(doc)) == assertion_signed);
    CHECK(has_signature(doc.root()) == response_signed);
    if (response_signed) {
      // [INFER] placement right after the Response Issuer (schema order).
      CHECK(test::idp::child_names(doc.root()) ==
            Names{"Issuer", "Signature", "Status", "Assertion"});
      CHECK(test::idp::xmlsec1_verifies(issued.xml, "Response", "idp-signing"));
      auto verified = test::idp::core_verifies(doc, doc.root(), "idp-signing", sha1);
      REQUIRE(verified);
      CHECK(verified->algorithm ==
            (sha1 ? core::SignatureAlgorithm::rsa_sha1 : core::SignatureAlgorithm::rsa_sha256));
    }
    if (assertion_signed) {
      CHECK(test::idp::child_names(assertion_of(doc))[1] == "Signature");
      CHECK(test::idp::xmlsec1_verifies(issued.xml, "Assertion", "idp-signing"));
      auto verified = test::idp::core_verifies(doc, assertion_of(doc), "idp-signing", sha1);
      REQUIRE(verified);
      CHECK(verified->element == assertion_of(doc));
    }
    // SHA-1 switches both SignatureMethod and DigestMethod (D9).
    std::string method(sha1 ? n::alg_rsa_sha1 : n::alg_rsa_sha256);
    std::string digest(sha1 ? n::alg_sha1 : n::alg_sha256);
    CHECK(issued.xml.find("SignatureMethod Algorithm=\"" + method + "\"") != std::string::npos);
    CHECK(issued.xml.find("DigestMethod Algorithm=\"" + digest + "\"") != std::string::npos);
    CHECK(issued.xml.find(test::test_credential("idp-signing").certificate.base64()) !=
          std::string::npos);
  }
}

TEST_CASE("a key outside the trust store is not accepted by either verifier",
          "[idp][signing][xmlsec1]") {
  auto issued = test::idp::issue_ok(test::idp::default_idp(), test::idp::sp_request());
  CHECK_FALSE(test::idp::xmlsec1_verifies(issued.xml, "Assertion", "idp-rogue"));
  auto doc = test::idp::parse(issued.xml);
  CHECK_FALSE(test::idp::core_verifies(doc, assertion_of(doc), "idp-rogue"));
}

TEST_CASE("the legacy ds: prefix style is a knob (§1.1)", "[idp][signing]") {
  auto json = test::idp::config_json();
  json["knobs"] = {{"signature_style", "ds-prefix"}};
  auto issued = test::idp::issue_ok(test::idp::make_idp(json), test::idp::sp_request());
  CHECK(issued.xml.find("<ds:Signature xmlns:ds=") != std::string::npos);
  CHECK(test::idp::xmlsec1_verifies(issued.xml, "Assertion", "idp-signing"));
}

TEST_CASE("token encryption: EncryptedAssertion decrypts with the SP key, signature inside",
          "[idp][signing][xmlenc]") {
  auto content = GENERATE(as<std::string>{}, "aes256-cbc", "aes256-gcm");
  auto signing = GENERATE(as<std::string>{}, "assertion", "both");
  DYNAMIC_SECTION(content << " / " << signing) {
    auto request = test::idp::sp_request();
    request.app_overrides = {
        {"signing", signing},
        {"token_encryption", {{"enabled", true}, {"content_algorithm", content}}}};
    auto issued = test::idp::issue_ok(test::idp::default_idp(), request);
    auto doc = test::idp::parse(issued.xml);
    CHECK(assertion_of(doc) == nullptr);
    xmlNode* encrypted = core::child_named(doc.root(), n::ns_assertion, "EncryptedAssertion");
    REQUIRE(encrypted != nullptr);
    CHECK(issued.xml.find(content == "aes256-cbc" ? n::alg_aes256_cbc : n::alg_aes256_gcm) !=
          std::string::npos);
    CHECK(issued.xml.find(std::string(n::alg_rsa_oaep_mgf1p)) != std::string::npos);
    if (signing == "both") {
      // Sign-then-encrypt: the Response signature covers the EncryptedAssertion.
      CHECK(test::idp::xmlsec1_verifies(issued.xml, "Response", "idp-signing"));
      REQUIRE(test::idp::core_verifies(doc, doc.root(), "idp-signing"));
    } else {
      CHECK_FALSE(has_signature(doc.root()));  // the Spring Security trap (I11): unsigned Response
    }
    CHECK_FALSE(
        core::decrypt_assertion(doc, encrypted, test::test_credential("idp-rogue").key));
    doc = test::idp::parse(issued.xml);
    encrypted = core::child_named(doc.root(), n::ns_assertion, "EncryptedAssertion");
    auto assertion =
        core::decrypt_assertion(doc, encrypted, test::test_credential("sp-encryption").key);
    REQUIRE(assertion);
    CHECK(
        core::simple_text(core::descendants_named(*assertion, n::ns_assertion, "NameID").front()) ==
        test::idp::k_alex);
    REQUIRE(test::idp::core_verifies(doc, *assertion, "idp-signing"));
    CHECK(test::idp::xmlsec1_verifies(core::serialize(doc), "Assertion", "idp-signing"));
  }
}

TEST_CASE("rollover: an expired active certificate hands over to a valid inactive one (§6.1)",
          "[idp][signing]") {
  auto json = test::idp::config_json();
  json["signing_certificates"] = {{{"credential", "idp-signing-expired"}, {"status", "active"}},
                                  {{"credential", "idp-signing-next"}, {"status", "inactive"}}};
  auto issued = test::idp::issue_ok(test::idp::make_idp(json), test::idp::sp_request());
  CHECK(test::idp::xmlsec1_verifies(issued.xml, "Assertion", "idp-signing-next"));
  json["signing_certificates"] = {{{"credential", "idp-signing-expired"}, {"status", "active"}}};
  issued = test::idp::issue_ok(test::idp::make_idp(json), test::idp::sp_request());
  CHECK(issued.xml.find(test::test_credential("idp-signing-expired").certificate.base64()) !=
        std::string::npos);
}
