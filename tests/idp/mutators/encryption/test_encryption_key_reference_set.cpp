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

std::vector<xmlNode*> retrieval_methods(xmlNode* holder) {
  return core::children_named(core::child_named(holder, n::ns_dsig, "KeyInfo"), n::ns_dsig, "RetrievalMethod");
}

}  // namespace

TEST_CASE("encryption.key_reference_set cycle: two EncryptedKeys naming each other", "[mutator][encryption.key_reference_set]") {
  auto m = test::idp::mutate("encryption.key_reference_set", {}, test::idp::enc_baseline());
  xmlNode* encrypted = test::idp::encrypted_assertion_of(m.mutated_doc);
  auto keys = core::children_named(encrypted, n::ns_xenc, "EncryptedKey");
  REQUIRE(keys.size() == 2);
  xmlNode* data = core::child_named(encrypted, n::ns_xenc, "EncryptedData");
  CHECK(core::children_named(core::child_named(data, n::ns_dsig, "KeyInfo"), n::ns_xenc, "EncryptedKey").empty());
  REQUIRE(retrieval_methods(data).size() == 1);
  CHECK(core::attribute(retrieval_methods(data)[0], "URI") == "#_k1");
  CHECK(core::attribute(retrieval_methods(keys[0])[0], "URI") == "#_k2");
  CHECK(core::attribute(retrieval_methods(keys[1])[0], "URI") == "#_k1");
  // As posted, too: the moved key's unprefixed KeyInfo keeps its namespace (it was declared on
  // the KeyInfo the key left), instead of falling into the EncryptedAssertion's default one.
  CHECK(test::idp::count_named(m.mutated.xml, n::ns_assertion, "KeyInfo") == 0);
  CHECK(test::idp::count_named(m.mutated.xml, n::ns_dsig, "KeyInfo") == 3);
}

TEST_CASE("encryption.key_reference_set many and external", "[mutator][encryption.key_reference_set]") {
  auto many = test::idp::mutate("encryption.key_reference_set", {{"form", "many"}, {"count", 50}}, test::idp::enc_baseline());
  CHECK(test::idp::count_named(many.mutated.xml, n::ns_xenc, "EncryptedKey") == 50);
  auto big = test::idp::mutate("encryption.key_reference_set", {{"form", "many"}}, test::idp::enc_baseline());
  CHECK(test::idp::count_named(big.mutated.xml, n::ns_xenc, "EncryptedKey") == 1000);
  CHECK(big.mutated.xml.size() < 2 * 1024 * 1024);  // the count is tested, not the size limit
  auto external = test::idp::mutate("encryption.key_reference_set", {{"form", "external"}}, test::idp::enc_baseline());
  CHECK(test::idp::count_named(external.mutated.xml, n::ns_xenc, "EncryptedKey") == 0);
  xmlNode* data = core::child_named(test::idp::encrypted_assertion_of(external.mutated_doc), n::ns_xenc, "EncryptedData");
  REQUIRE(retrieval_methods(data).size() == 1);
  CHECK(core::attribute(retrieval_methods(data)[0], "URI").value_or("").rfind("http://127.0.0.1:9/canary/", 0) == 0);
}

TEST_CASE("encryption.key_reference_set sibling: the Shibboleth layout decrypts", "[mutator][encryption.key_reference_set]") {
  auto m = test::idp::mutate("encryption.key_reference_set", {{"form", "sibling"}}, test::idp::enc_baseline());
  xmlNode* encrypted = test::idp::encrypted_assertion_of(m.mutated_doc);
  auto keys = core::children_named(encrypted, n::ns_xenc, "EncryptedKey");
  REQUIRE(keys.size() == 1);
  CHECK(core::attribute(keys[0], "Id") == "_k1");
  xmlNode* data = core::child_named(encrypted, n::ns_xenc, "EncryptedData");
  REQUIRE(retrieval_methods(data).size() == 1);
  CHECK(core::attribute(retrieval_methods(data)[0], "Type") == "http://www.w3.org/2001/04/xmlenc#EncryptedKey");
  CHECK(test::idp::count_named(m.mutated.xml, n::ns_assertion, "KeyInfo") == 0);
  CHECK(test::idp::count_named(m.mutated.xml, n::ns_dsig, "KeyInfo") == 2);
  // xmlsec1 resolves the RetrievalMethod to the sibling key (the same-document #_k1 needs Id as an ID).
  auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
  INFO(plain.output);
  if (plain.ok) {
    CHECK(test::idp::xmlsec1_verifies(plain.xml, test::idp::decrypted_assertion_signature(1)).verified);
  }
}
