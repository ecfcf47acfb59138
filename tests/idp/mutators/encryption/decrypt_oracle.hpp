// SPDX-License-Identifier: Apache-2.0
// The independent oracle for §11's ciphertext: the xmlsec1 command line decrypting with the SP's
// key (sp-encryption from the test certificate set), never this project's decrypter. xmlsec1
// 1.2 knows rsa-oaep-mgf1p and rsa-1_5 (not xmlenc11#rsa-oaep) and AES-CBC/GCM.
#pragma once

#include <string>

namespace samlt::test::idp {

struct Decrypted {
  bool ok = false;
  std::string xml;     // the whole document with the EncryptedData replaced by its plaintext
  std::string output;  // what xmlsec1 printed
};

// xmlsec1 --decrypt of the first EncryptedData in `xml` with `role`'s private key.
Decrypted xmlsec1_decrypts(const std::string& xml, const std::string& role = "sp-encryption");

// The Signature of the n-th (1-based) Assertion inside the EncryptedAssertion once decrypted.
std::string decrypted_assertion_signature(int n = 1);

}  // namespace samlt::test::idp
