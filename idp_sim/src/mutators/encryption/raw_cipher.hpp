// SPDX-License-Identifier: Apache-2.0
// Attacker-side XML Encryption (attack-catalogue §11): an EncryptedAssertion built byte by byte
// with OpenSSL directly — any plaintext, any content key, IV and padding, any key transport
// (RSA-OAEP with either identifier and digest, or RSA-PKCS#1 v1.5) and any label on either
// EncryptionMethod. It shares no code with the SP's decryption (core/src/xmlenc_decrypt.cpp), so a
// probe cannot be shaped by the code it probes.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"

#include <string>
#include <string_view>

namespace samlt::idp::mutators::raw {

enum class Content { aes128_gcm, aes256_gcm, aes128_cbc, aes256_cbc };
enum class Transport { rsa_oaep_mgf1p, rsa_oaep, rsa_1_5 };
enum class Digest { sha1, sha256 };

// The xmlenc URI of each algorithm (xmlenc-core §5.2, §5.4; xmlenc-core1 §5.2.4, §5.5.2).
std::string_view uri(Content content);
std::string_view uri(Transport transport);
std::string_view uri(Digest digest);         // DigestMethod (ds: or xenc: namespace)
std::string_view mgf_uri(Digest digest);     // xenc11:MGF
std::size_t key_bytes(Content content);      // 16 or 32

// What an EncryptedAssertion says and how its bytes are made.
struct Recipe {
  Content content = Content::aes256_gcm;
  Transport transport = Transport::rsa_oaep_mgf1p;
  Digest oaep_digest = Digest::sha1;  // the OAEP hash (DigestMethod)
  Digest mgf = Digest::sha1;          // MGF1's hash (xmlenc11#rsa-oaep only; mgf1p is MGF1-SHA1)
  bool cbc_bad_padding = false;       // CBC: a last byte no ISO 10126 / PKCS#7 padding can have
  // Labels written in place of the true algorithms (empty: the truth).
  std::string content_label;
  std::string transport_label;
};

// IV || ciphertext [|| 16-byte tag]: the CipherValue octets of xmlenc-core §5.2 / xmlenc-core1
// §5.2.4 (12-byte IV for GCM, 16 for CBC). `key` is key_bytes(content) long. Fails with
// internal.error.
core::Result<std::string> encrypt_content(const Recipe& recipe, std::string_view key, std::string_view plaintext);

// The content key wrapped for `recipient` as recipe.transport says. Fails with internal.error.
core::Result<std::string> wrap_key(const Recipe& recipe, EVP_PKEY* recipient, std::string_view key);

// Replaces `place` (an element of a Response: usually its Assertion) with an EncryptedAssertion in
// Microsoft's layout (EncryptedKey inside EncryptedData/KeyInfo, the recipient's certificate in
// EncryptedKey/KeyInfo) holding `plaintext` under a fresh content key wrapped to `recipient`.
// Returns the EncryptedAssertion. Fails with internal.error.
core::Result<xmlNode*> replace_with_encrypted(xmlNode* place, const core::Certificate& recipient,
                                              std::string_view plaintext, const Recipe& recipe = {});

// Parts of an EncryptedAssertion, for edits after encryption; nullptr when absent.
xmlNode* encrypted_data(const xmlNode* encrypted_assertion);
xmlNode* encrypted_key(const xmlNode* encrypted_assertion);  // inside EncryptedData/KeyInfo or beside it
xmlNode* cipher_value(const xmlNode* holder);                // CipherData/CipherValue of EncryptedData/Key
xmlNode* encryption_method(const xmlNode* holder);

}  // namespace samlt::idp::mutators::raw
