// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/decrypt_oracle.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("encryption.algorithms_set defaults to RSA-PKCS#1 v1.5 key transport, valid ciphertext",
          "[mutator][encryption.algorithms_set]") {
  auto m = test::idp::mutate("encryption.algorithms_set", {}, test::idp::enc_baseline());
  CHECK(test::idp::encryption_algorithm(m.mutated_doc, true) == n::alg_rsa_1_5);
  CHECK(test::idp::encryption_algorithm(m.mutated_doc, false) == n::alg_aes256_gcm);
  auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
  INFO(plain.output);
  REQUIRE(plain.ok);
  auto verdict = test::idp::xmlsec1_verifies(plain.xml, test::idp::decrypted_assertion_signature(1));
  INFO(verdict.output);
  CHECK(verdict.verified);
}

TEST_CASE("encryption.algorithms_set builds the modern combinations", "[mutator][encryption.algorithms_set]") {
  for (const char* content : {"aes128-gcm", "aes256-gcm"}) {
    for (const char* digest : {"sha1", "sha256"}) {
      INFO(content << " " << digest);
      auto m = test::idp::mutate("encryption.algorithms_set",
                                 {{"content", content}, {"key_transport", "rsa-oaep-mgf1p"}, {"oaep_digest", digest}},
                                 test::idp::enc_baseline());
      CHECK(test::idp::encryption_algorithm(m.mutated_doc, false).ends_with(content));
      auto digests = core::descendants_named(m.mutated_doc.root(), n::ns_dsig, "DigestMethod");
      REQUIRE(digests.size() == 1);
      CHECK(core::attribute(digests[0], "Algorithm").value_or("").ends_with(digest));
      if (std::string(digest) == "sha256") {
        continue;  // xmlsec1 1.2 refuses a SHA-256 digest under rsa-oaep-mgf1p; the SP's acceptance is tested e2e
      }
      auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
      INFO(plain.output);
      REQUIRE(plain.ok);
      CHECK(test::idp::xmlsec1_verifies(plain.xml, test::idp::decrypted_assertion_signature(1)).verified);
    }
  }
  // xmlenc11#rsa-oaep names its MGF (xmlsec1 1.2 cannot decrypt it: the SP's acceptance is tested e2e).
  auto m = test::idp::mutate("encryption.algorithms_set",
                             {{"key_transport", "rsa-oaep"}, {"oaep_digest", "sha256"}, {"mgf", "sha256"}},
                             test::idp::enc_baseline());
  CHECK(test::idp::encryption_algorithm(m.mutated_doc, true) == "http://www.w3.org/2009/xmlenc11#rsa-oaep");
  auto mgf = core::descendants_named(m.mutated_doc.root(), n::ns_xenc11, "MGF");
  REQUIRE(mgf.size() == 1);
  CHECK(core::attribute(mgf[0], "Algorithm") == "http://www.w3.org/2009/xmlenc11#mgf1sha256");
}
