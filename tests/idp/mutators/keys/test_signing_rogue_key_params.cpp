// SPDX-License-Identifier: Apache-2.0
// signing.rogue_key's credential, key_info and victim parameters (attack-catalogue §3): who signs,
// what KeyInfo says, whose identity the forgery claims; the signature verifies (xmlsec1) with the
// signer's certificate every time.
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <openssl/x509.h>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

xmlNode* key_info_of(const core::XmlDoc& doc) {
  xmlNode* assertion = core::child_named(doc.root(), n::ns_assertion, "Assertion");
  return core::child_named(core::child_named(assertion, n::ns_dsig, "Signature"), n::ns_dsig, "KeyInfo");
}

std::string spki_der(const core::Certificate& cert) {
  unsigned char* der = nullptr;
  int size = i2d_PUBKEY(cert.public_key(), &der);
  REQUIRE(size > 0);
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return out;
}

// The SignatureValue verifies with `role`'s certificate whatever KeyInfo says: KeyInfo lies outside
// SignedInfo, so the oracle checks the message with KeyInfo removed (xmlsec1 would otherwise try to
// resolve a KeyName or RetrievalMethod itself).
void oracle_verifies(const core::XmlDoc& doc, std::string_view role) {
  core::XmlDoc copy = test::idp::parse(core::serialize(doc));
  if (xmlNode* key_info = key_info_of(copy)) {
    core::remove_node(key_info);
  }
  auto verdict = test::idp::xmlsec1_verifies(core::serialize(copy), test::idp::assertion_signature(), role);
  INFO(verdict.output);
  CHECK(verdict.verified);
}

}  // namespace

TEST_CASE("signing.rogue_key key_info none leaves the attacker's signature without KeyInfo",
          "[mutator][signing.rogue_key]") {
  auto m = test::idp::mutate("signing.rogue_key", {{"key_info", "none"}});
  CHECK(m.differences == Strings{});
  CHECK(key_info_of(m.mutated_doc) == nullptr);
  CHECK(key_info_of(m.base_doc) != nullptr);
  auto verdict = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(), "idp-rogue");
  INFO(verdict.output);
  CHECK(verdict.verified);
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(), "idp-signing").verified);
}

TEST_CASE("signing.rogue_key key_info rsa_key_value and der_encoded_key_value carry the signer's public key",
          "[mutator][signing.rogue_key]") {
  const auto& rogue = test::test_credential("idp-rogue").certificate;
  auto rsa = test::idp::mutate("signing.rogue_key", {{"key_info", "rsa_key_value"}});
  xmlNode* value = core::child_named(key_info_of(rsa.mutated_doc), n::ns_dsig, "KeyValue");
  xmlNode* rsa_value = core::child_named(value, n::ns_dsig, "RSAKeyValue");
  REQUIRE(rsa_value != nullptr);
  CHECK(core::child_named(key_info_of(rsa.mutated_doc), n::ns_dsig, "X509Data") == nullptr);
  auto exponent = core::base64_decode(core::simple_text(core::child_named(rsa_value, n::ns_dsig, "Exponent")).value_or(""));
  REQUIRE(exponent);
  CHECK(*exponent == std::string("\x01\x00\x01", 3));
  auto modulus = core::base64_decode(core::simple_text(core::child_named(rsa_value, n::ns_dsig, "Modulus")).value_or(""));
  REQUIRE(modulus);
  CHECK(modulus->size() == 256);
  CHECK(spki_der(rogue).find(*modulus) != std::string::npos);
  oracle_verifies(rsa.mutated_doc, "idp-rogue");

  auto der = test::idp::mutate("signing.rogue_key", {{"key_info", "der_encoded_key_value"}});
  xmlNode* encoded = core::child_named(key_info_of(der.mutated_doc), "http://www.w3.org/2009/xmldsig11#",
                                       "DEREncodedKeyValue");
  REQUIRE(encoded != nullptr);
  CHECK(core::base64_decode(core::simple_text(encoded).value_or("")).value_or("") == spki_der(rogue));
  oracle_verifies(der.mutated_doc, "idp-rogue");
}

TEST_CASE("signing.rogue_key key_info key_name names the signer by thumbprint", "[mutator][signing.rogue_key]") {
  auto m = test::idp::mutate("signing.rogue_key", {{"key_info", "key_name"}});
  xmlNode* name = core::child_named(key_info_of(m.mutated_doc), n::ns_dsig, "KeyName");
  REQUIRE(name != nullptr);
  CHECK(core::simple_text(name) == test::test_credential("idp-rogue").certificate.thumbprint_sha1());
  CHECK(core::element_children(key_info_of(m.mutated_doc)).size() == 1);
  oracle_verifies(m.mutated_doc, "idp-rogue");
}

TEST_CASE("signing.rogue_key key_info retrieval_method_* points KeyInfo outside the document",
          "[mutator][signing.rogue_key]") {
  for (auto [form, prefix] : {std::pair{"retrieval_method_http", "http://127.0.0.1:9/canary/"},
                              {"retrieval_method_file", "file:///"}}) {
    INFO(form);
    auto m = test::idp::mutate("signing.rogue_key", {{"key_info", form}, {"credential", "idp-signing"}});
    CHECK(m.differences == Strings{});
    xmlNode* method = core::child_named(key_info_of(m.mutated_doc), n::ns_dsig, "RetrievalMethod");
    REQUIRE(method != nullptr);
    CHECK(core::attribute(method, "URI").value_or("").rfind(prefix, 0) == 0);
    CHECK(core::attribute(method, "Type") == "http://www.w3.org/2000/09/xmldsig#rawX509Certificate");
    oracle_verifies(m.mutated_doc, "idp-signing");
  }
}

TEST_CASE("signing.rogue_key credential chooses the signer; its certificate goes in KeyInfo",
          "[mutator][signing.rogue_key]") {
  for (const char* role : {"idp-ca-issued", "idp-encryption", "idp2-signing"}) {
    INFO(role);
    auto m = test::idp::mutate("signing.rogue_key", {{"credential", role}});
    const auto& cert = test::test_credential(role).certificate;
    CHECK(m.mutated.xml.find(cert.base64()) != std::string::npos);
    auto verdict = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(), role);
    INFO(verdict.output);
    CHECK(verdict.verified);
  }
  CHECK(test::idp::mutate_error("signing.rogue_key", {{"credential", "nope"}}).reason ==
        core::Reason::mutator_not_applicable);
  CHECK(test::idp::mutate_error("signing.rogue_key", {{"key_info", "x509_url"}}).reason ==
        core::Reason::mutator_params_invalid);
}

TEST_CASE("signing.rogue_key victim rewrites the NameID and the email and name claims",
          "[mutator][signing.rogue_key]") {
  auto m = test::idp::mutate("signing.rogue_key", {{"victim", "megan.bowen@contoso.example"}});
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "NameID")) == "megan.bowen@contoso.example");
  CHECK(std::count(m.differences.begin(), m.differences.end(), "Response/Assertion/Subject/NameID: text") == 1);
  CHECK(m.mutated.xml.find("alex.wilber@contoso.example") == std::string::npos);
  auto verdict = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(), "idp-rogue");
  INFO(verdict.output);
  CHECK(verdict.verified);
}
