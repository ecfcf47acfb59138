// SPDX-License-Identifier: Apache-2.0
// Responses from the real server: every signing option × both algorithms verified with the xmlsec1
// command line, Entra's element and claim order asserted on the DOM, and an encrypted assertion
// decrypted with the SP's key.
#include "support/test_certs.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmlenc.hpp"
#include "test_idp_support.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp_it;
using Names = std::vector<std::string>;
namespace n = core::names;

namespace {

nlohmann::json app(int i, const std::string& signing, const std::string& algorithm) {
  char id[40];
  std::snprintf(id, sizeof id, "44445555-0000-4000-8000-%012d", i);
  return {{"app_id", id},
          {"display_name", "app " + std::to_string(i)},
          {"identifiers", {"urn:samlt:it:" + std::to_string(i)}},
          {"reply_urls", {"http://127.0.0.1:9" + std::to_string(100 + i) + "/acs"}},
          {"signing", signing},
          {"algorithm", algorithm},
          {"token_encryption",
           {{"enabled", signing == "encrypted"}, {"certificate", "sp-encryption"}}}};
}

std::string sign_in(IdpProcess& idp, int i) {
  Browser browser(idp.base());
  std::string xml =
      "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r" +
      std::to_string(i) +
      "\" Version=\"2.0\" IssueInstant=\"2025-01-01T00:00:00Z\"><saml:Issuer "
      "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">urn:samlt:it:" +
      std::to_string(i) + "</saml:Issuer></samlp:AuthnRequest>";
  auto form = auto_post_form(
      browser.get(redirect_url(idp.saml2(), xml, "&login_hint=alex.wilber%40contoso.example"))
          .body);
  REQUIRE(form);
  return response_xml(*form);
}

}  // namespace

TEST_CASE("every signing option and algorithm verifies with xmlsec1; Entra's order holds",
          "[integration][idp][xmlsec1]") {
  auto json = config();
  const std::vector<std::pair<std::string, std::string>> options = {
      {"assertion", "sha256"}, {"assertion", "sha1"}, {"response", "sha256"},
      {"response", "sha1"},    {"both", "sha256"},    {"both", "sha1"}};
  for (std::size_t i = 0; i < options.size(); ++i) {
    json["apps"].push_back(app(static_cast<int>(i), options[i].first, options[i].second));
  }
  IdpProcess idp(json);
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& [signing, algorithm] = options[i];
    DYNAMIC_SECTION(signing << " / " << algorithm) {
      std::string xml = sign_in(idp, static_cast<int>(i));
      CHECK(xmlsec1_verifies(xml, "Assertion", "idp-signing") == (signing != "response"));
      CHECK(xmlsec1_verifies(xml, "Response", "idp-signing") == (signing != "assertion"));
      CHECK(xml.find(algorithm == "sha1" ? n::alg_rsa_sha1 : n::alg_rsa_sha256) !=
            std::string::npos);
      auto doc = core::parse_strict(xml);
      REQUIRE(doc);
      Names top;
      for (auto* child : core::element_children(doc->root()))
        top.emplace_back(core::local_name(child));
      CHECK(top == (signing == "assertion" ? Names{"Issuer", "Status", "Assertion"}
                                           : Names{"Issuer", "Signature", "Status", "Assertion"}));
      auto* assertion = core::child_named(doc->root(), n::ns_assertion, "Assertion");
      Names inner;
      for (auto* child : core::element_children(assertion))
        inner.emplace_back(core::local_name(child));
      Names expected{"Issuer", "Subject", "Conditions", "AttributeStatement", "AuthnStatement"};
      if (signing != "response") {
        expected.insert(expected.begin() + 1, "Signature");
      }
      CHECK(inner == expected);
      Names claims;
      for (auto* a : core::descendants_named(assertion, n::ns_assertion, "Attribute")) {
        claims.push_back(core::attribute(a, "Name").value_or(""));
      }
      CHECK(claims == Names{std::string(n::claim_tenant_id), std::string(n::claim_object_id),
                            std::string(n::claim_display_name),
                            std::string(n::claim_identity_provider),
                            std::string(n::claim_authn_methods), std::string(n::claim_given_name),
                            std::string(n::claim_surname), std::string(n::claim_email),
                            std::string(n::claim_name)});
    }
  }
}

TEST_CASE("an encrypted assertion from the server decrypts with the SP key",
          "[integration][idp][xmlenc]") {
  auto json = config();
  json["apps"].push_back(app(7, "encrypted", "sha256"));
  json["apps"].back()["signing"] = "assertion";
  IdpProcess idp(json);
  std::string xml = sign_in(idp, 7);
  auto doc = core::parse_strict(xml);
  REQUIRE(doc);
  auto* encrypted = core::child_named(doc->root(), n::ns_assertion, "EncryptedAssertion");
  REQUIRE(encrypted != nullptr);
  auto assertion =
      core::decrypt_assertion(*doc, encrypted, test::test_credential("sp-encryption").key);
  REQUIRE(assertion);
  CHECK(core::simple_text(core::descendants_named(*assertion, n::ns_assertion, "NameID").front()) ==
        k_alex);
  CHECK(xmlsec1_verifies(core::serialize(*doc), "Assertion", "idp-signing"));
}
