// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/xmlenc.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/xmldsig.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"
#include "xmldsig_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

// A sample Response whose (signed) Assertion is encrypted for the SP, serialised and parsed back.
core::XmlDoc encrypted_wire(core::EncryptOptions options = {}, bool sign = true) {
  auto s = test::make_sample_response("dave@contoso.example");
  if (sign) {
    REQUIRE(core::sign_enveloped(s.doc, s.assertion, test::test_credential("idp-signing")));
  }
  auto encrypted = core::encrypt_assertion(s.doc, s.assertion, test::test_credential("sp-encryption").certificate, options);
  REQUIRE(encrypted);
  auto parsed = core::parse_strict(core::serialize(s.doc));
  REQUIRE(parsed);
  return std::move(*parsed);
}

xmlNode* encrypted_assertion_of(const core::XmlDoc& doc) {
  return core::child_named(doc.root(), n::ns_assertion, "EncryptedAssertion");
}

Reason decrypt_reason(core::XmlDoc& doc, std::string_view role = "sp-encryption", core::DecryptOptions options = {}) {
  auto result = core::decrypt_assertion(doc, encrypted_assertion_of(doc), test::test_credential(role).key, options);
  REQUIRE_FALSE(result);
  return result.error().reason;
}

}  // namespace

TEST_CASE("encrypt_assertion writes Microsoft's EncryptedAssertion shape", "[core][xmlenc]") {
  auto doc = encrypted_wire();
  std::string wire = core::serialize(doc);
  CHECK(wire.find("<EncryptedAssertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"><xenc:EncryptedData") != std::string::npos);
  CHECK(wire.find("Type=\"http://www.w3.org/2001/04/xmlenc#Element\"") != std::string::npos);
  CHECK(wire.find("<xenc:EncryptionMethod Algorithm=\"" + std::string(n::alg_aes256_cbc) + "\"/>") != std::string::npos);
  CHECK(wire.find("<e:EncryptionMethod Algorithm=\"" + std::string(n::alg_rsa_oaep_mgf1p) +
                  "\"><DigestMethod Algorithm=\"" + std::string(n::alg_sha1) + "\"/></e:EncryptionMethod>") != std::string::npos);
  CHECK(wire.find("dave@contoso") == std::string::npos);
  CHECK(core::child_named(doc.root(), n::ns_assertion, "Assertion") == nullptr);
}

TEST_CASE("decrypt_assertion restores the assertion, whose signature still verifies", "[core][xmlenc]") {
  auto content = GENERATE(core::ContentEncryption::aes256_cbc, core::ContentEncryption::aes256_gcm);
  auto key_info = GENERATE(core::RecipientKeyInfo::x509_certificate, core::RecipientKeyInfo::x509_issuer_serial,
                           core::RecipientKeyInfo::none);
  auto doc = encrypted_wire({content, key_info});
  auto assertion = core::decrypt_assertion(doc, encrypted_assertion_of(doc), test::test_credential("sp-encryption").key);
  REQUIRE(assertion);
  CHECK(core::is_element(*assertion, n::ns_assertion, "Assertion"));
  CHECK((*assertion)->parent == doc.root());
  CHECK(*core::simple_text(core::descendants_named(*assertion, n::ns_assertion, "NameID").front()) == "dave@contoso.example");
  auto signature = core::enveloped_signature_of(*assertion);
  REQUIRE(signature);
  std::vector<core::Certificate> trusted{test::test_credential("idp-signing").certificate};
  auto verified = core::verify_enveloped(doc, *signature, trusted);
  INFO((verified ? std::string() : std::string(core::id(verified.error().reason)) + ": " + verified.error().detail));
  CHECK(verified);
}

TEST_CASE("decrypt_assertion failures", "[core][xmlenc]") {
  SECTION("another key: one uniform reason") {
    auto doc = encrypted_wire();
    CHECK(decrypt_reason(doc, "sp-signing") == Reason::encryption_decrypt_failed);
  }
  SECTION("CBC refused when policy allows only GCM") {
    auto doc = encrypted_wire();
    core::DecryptOptions gcm_only{{core::ContentEncryption::aes256_gcm}};
    CHECK(decrypt_reason(doc, "sp-encryption", gcm_only) == Reason::encryption_algorithm_forbidden);
  }
  SECTION("RSA PKCS#1 v1.5 key transport refused") {
    auto doc = encrypted_wire();
    auto methods = core::descendants_named(doc.root(), n::ns_xenc, "EncryptionMethod");
    REQUIRE(methods.size() == 2);
    core::set_attribute(methods[1], "Algorithm", n::alg_rsa_1_5);
    CHECK(decrypt_reason(doc) == Reason::encryption_algorithm_forbidden);
  }
  SECTION("corrupted ciphertext (GCM tag fails)") {
    auto doc = encrypted_wire({core::ContentEncryption::aes256_gcm});
    auto values = core::descendants_named(doc.root(), n::ns_xenc, "CipherValue");
    std::string text = *core::simple_text(values.back());
    text[text.size() / 2] = text[text.size() / 2] == 'A' ? 'B' : 'A';
    core::set_text(values.back(), text);
    CHECK(decrypt_reason(doc) == Reason::encryption_decrypt_failed);
  }
  SECTION("no EncryptedKey") {
    auto doc = encrypted_wire();
    core::remove_node(core::descendants_named(doc.root(), n::ns_xenc, "EncryptedKey").front());
    CHECK(decrypt_reason(doc) == Reason::encryption_decrypt_failed);
  }
}

TEST_CASE("an assertion encrypted by core decrypts with the xmlsec1 command line", "[core][xmlenc][xmlsec1]") {
  test::TempDir dir;
  auto doc = encrypted_wire({core::ContentEncryption::aes256_gcm}, false);
  REQUIRE(core::write_file_atomic(dir / "encrypted.xml", core::serialize(doc)));
  auto result = test::run_command({"xmlsec1", "--decrypt", "--privkey-pem",
                                   test::test_cert_set().key_path("sp-encryption").string(),
                                   "--output", (dir / "plain.xml").string(), (dir / "encrypted.xml").string()});
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto plain = core::read_file(dir / "plain.xml");
  REQUIRE(plain);
  CHECK(plain->find("<NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">dave@contoso.example</NameID>") !=
        std::string::npos);
}
