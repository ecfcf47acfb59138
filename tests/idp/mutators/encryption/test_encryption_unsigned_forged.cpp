// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/decrypt_oracle.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("encryption.unsigned_forged encrypts an unsigned victim assertion to the SP", "[mutator][encryption.unsigned_forged]") {
  for (const char* content : {"aes256-gcm", "aes256-cbc"}) {
    INFO(content);
    auto m = test::idp::mutate("encryption.unsigned_forged", {}, test::idp::enc_baseline(content));
    REQUIRE(test::idp::encrypted_assertion_of(m.mutated_doc) != nullptr);
    CHECK(core::child_named(m.mutated_doc.root(), n::ns_dsig, "Signature") == nullptr);
    auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
    INFO(plain.output);
    REQUIRE(plain.ok);
    CHECK(test::idp::count_named(plain.xml, n::ns_dsig, "Signature") == 0);
    CHECK(plain.xml.find(">megan.bowen@contoso.example</NameID>") != std::string::npos);
    CHECK(plain.xml.find("alex.wilber@contoso.example") == std::string::npos);
    auto base = test::idp::xmlsec1_decrypts(m.base.xml);
    REQUIRE(base.ok);
    CHECK(test::idp::count_named(base.xml, n::ns_dsig, "Signature") == 1);
  }
  CHECK(test::idp::mutate_error("encryption.unsigned_forged", {}).reason == core::Reason::mutator_not_applicable);
}
