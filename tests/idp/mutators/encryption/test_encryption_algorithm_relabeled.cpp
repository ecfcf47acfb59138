// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/decrypt_oracle.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;
using Strings = std::vector<std::string>;

TEST_CASE("encryption.algorithm_relabeled: only the label changes", "[mutator][encryption.algorithm_relabeled]") {
  auto key = test::idp::mutate("encryption.algorithm_relabeled", {}, test::idp::enc_baseline());
  CHECK(test::idp::encryption_algorithm(key.mutated_doc, true) == n::alg_rsa_1_5);
  CHECK(test::idp::encryption_algorithm(key.base_doc, true) == n::alg_rsa_oaep_mgf1p);
  // The OAEP ciphertext under the rsa-1_5 label: xmlsec1 unwraps with PKCS#1 v1.5 and fails.
  CHECK_FALSE(test::idp::xmlsec1_decrypts(key.mutated.xml).ok);
  CHECK(test::idp::xmlsec1_decrypts(key.base.xml).ok);

  auto content = test::idp::mutate("encryption.algorithm_relabeled", {{"what", "content"}}, test::idp::enc_baseline());
  CHECK(test::idp::encryption_algorithm(content.mutated_doc, false) == n::alg_aes256_cbc);
  CHECK_FALSE(test::idp::xmlsec1_decrypts(content.mutated.xml).ok);
  auto aes128 = test::idp::mutate("encryption.algorithm_relabeled", {{"what", "content"}, {"to", "aes128-cbc"}},
                                  test::idp::enc_baseline());
  CHECK(test::idp::encryption_algorithm(aes128.mutated_doc, false) == "http://www.w3.org/2001/04/xmlenc#aes128-cbc");
  CHECK(test::idp::mutate_error("encryption.algorithm_relabeled", {{"to", "des"}}, test::idp::enc_baseline()).reason ==
        core::Reason::mutator_params_invalid);
}
