// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/encryption/decrypt_oracle.hpp"
#include "mutators/encryption/enc_fixture.hpp"
#include "mutators/mutator_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("encryption.cbc_oracle_probed: four AES-256-CBC probes that look alike from outside",
          "[mutator][encryption.cbc_oracle_probed]") {
  std::string key_info_certificate;
  for (const char* probe : {"bad_padding", "bad_utf8", "not_an_assertion", "wrong_key"}) {
    INFO(probe);
    auto m = test::idp::mutate("encryption.cbc_oracle_probed", {{"probe", probe}}, test::idp::enc_baseline("aes256-cbc"));
    CHECK(test::idp::encryption_algorithm(m.mutated_doc, false) == "http://www.w3.org/2001/04/xmlenc#aes256-cbc");
    CHECK(test::idp::encryption_algorithm(m.mutated_doc, true) == "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
    auto certs = core::descendants_named(test::idp::encrypted_assertion_of(m.mutated_doc), core::names::ns_dsig,
                                         "X509Certificate");
    REQUIRE(certs.size() == 1);
    if (key_info_certificate.empty()) {
      key_info_certificate = core::simple_text(certs[0]).value_or("");
    }
    CHECK(core::simple_text(certs[0]) == key_info_certificate);  // every probe names the SP's key
    auto plain = test::idp::xmlsec1_decrypts(m.mutated.xml);
    INFO(plain.output);
    if (std::string(probe) == "not_an_assertion") {
      REQUIRE(plain.ok);
      CHECK(plain.xml.find("<samlp:Status") != std::string::npos);
    } else {
      CHECK_FALSE(plain.ok);  // bad padding, bytes that are not UTF-8, or a key the SP cannot unwrap
    }
  }
}
