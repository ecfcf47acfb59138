// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/decrypt_oracle.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

test::idp::Decrypted decrypt(const std::string& plaintext) {
  auto m = test::idp::mutate("encryption.plaintext_replaced", {{"plaintext", plaintext}}, test::idp::enc_baseline());
  CHECK(test::idp::encrypted_assertion_of(m.mutated_doc) != nullptr);
  CHECK(core::child_named(m.mutated_doc.root(), n::ns_assertion, "Assertion") == nullptr);
  auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
  INFO(plain.output);
  return plain;
}

void signature_verifies(const std::string& xml, const std::string& xpath) {
  auto verdict = test::idp::xmlsec1_verifies(xml, xpath);
  INFO(verdict.output);
  CHECK(verdict.verified);
}

}  // namespace

TEST_CASE("encryption.plaintext_replaced: two assertions in one EncryptedData, the signed one still verifies",
          "[mutator][encryption.plaintext_replaced]") {
  for (auto [form, signed_index] : {std::pair{"evil_then_signed", 2}, {"signed_then_evil", 1}}) {
    INFO(form);
    auto plain = decrypt(form);
    REQUIRE(plain.ok);
    auto doc = test::idp::parse(plain.xml);
    auto assertions = core::children_named(test::idp::encrypted_assertion_of(doc), n::ns_assertion, "Assertion");
    REQUIRE(assertions.size() == 2);
    xmlNode* evil = assertions[signed_index == 2 ? 0 : 1];
    CHECK(core::child_named(evil, n::ns_dsig, "Signature") == nullptr);
    CHECK(core::simple_text(core::descendants_named(evil, n::ns_assertion, "NameID").front()) ==
          "megan.bowen@contoso.example");
    CHECK(core::attribute(evil, "ID") != core::attribute(assertions[signed_index - 1], "ID"));
    signature_verifies(plain.xml, test::idp::decrypted_assertion_signature(signed_index));
  }
}

TEST_CASE("encryption.plaintext_replaced: a Signature that points outside the decrypted assertion",
          "[mutator][encryption.plaintext_replaced]") {
  auto forged = decrypt("signature_in_forged");
  REQUIRE(forged.ok);
  auto doc = test::idp::parse(forged.xml);
  auto assertions = core::children_named(test::idp::encrypted_assertion_of(doc), n::ns_assertion, "Assertion");
  REQUIRE(assertions.size() == 1);
  xmlNode* reference = core::descendants_named(assertions[0], n::ns_dsig, "Reference").front();
  CHECK(core::attribute(reference, "URI") != "#" + core::attribute(assertions[0], "ID").value_or(""));

  auto to_response = decrypt("reference_to_response");
  REQUIRE(to_response.ok);
  auto doc2 = test::idp::parse(to_response.xml);
  xmlNode* reference2 = core::descendants_named(doc2.root(), n::ns_dsig, "Reference").front();
  CHECK(core::attribute(reference2, "URI") == "#" + core::attribute(doc2.root(), "ID").value_or(""));
}

TEST_CASE("encryption.plaintext_replaced copy_outside: a same-ID victim copy waits in Extensions",
          "[mutator][encryption.plaintext_replaced]") {
  auto m = test::idp::mutate("encryption.plaintext_replaced", {{"plaintext", "copy_outside"}}, test::idp::enc_baseline());
  xmlNode* extensions = core::child_named(m.mutated_doc.root(), n::ns_protocol, "Extensions");
  REQUIRE(extensions != nullptr);
  CHECK(core::next_element_sibling(extensions) == core::child_named(m.mutated_doc.root(), n::ns_protocol, "Status"));
  xmlNode* copy = core::child_named(extensions, n::ns_assertion, "Assertion");
  REQUIRE(copy != nullptr);
  auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
  INFO(plain.output);
  REQUIRE(plain.ok);
  auto doc = test::idp::parse(plain.xml);
  xmlNode* inside = core::child_named(test::idp::encrypted_assertion_of(doc), n::ns_assertion, "Assertion");
  CHECK(core::attribute(inside, "ID") == core::attribute(copy, "ID"));
  CHECK(core::child_named(copy, n::ns_dsig, "Signature") == nullptr);
  // The original inside verifies, checked on the decrypted assertion alone (the copy shares its ID).
  std::string alone = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r\">" +
                      core::serialize(inside) + "</samlp:Response>";
  signature_verifies(alone, test::idp::assertion_signature(1));
}

TEST_CASE("encryption.plaintext_replaced: DOCTYPE and entity references in the plaintext",
          "[mutator][encryption.plaintext_replaced]") {
  // xmlsec1 decrypts the bytes, then cannot parse them as an element: the plaintext is not XML a
  // strict SP may take. The bytes themselves are checked through the oracle's error output.
  for (const char* form : {"doctype_external_entity", "entity_reference"}) {
    INFO(form);
    auto m = test::idp::mutate("encryption.plaintext_replaced", {{"plaintext", form}}, test::idp::enc_baseline());
    CHECK(test::idp::encrypted_assertion_of(m.mutated_doc) != nullptr);
    CHECK(m.mutated.xml.find("canary") == std::string::npos);  // inside the ciphertext only
  }
  CHECK(test::idp::mutate_error("encryption.plaintext_replaced", {{"plaintext", "nope"}}, test::idp::enc_baseline())
            .reason == core::Reason::mutator_params_invalid);
}
