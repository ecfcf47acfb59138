// SPDX-License-Identifier: Apache-2.0
// XML Encryption of SAML assertions (saml-core §2.3.4 EncryptedAssertion, xmlenc-core), via xmlsec1.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"

#include <vector>

namespace samlt::core {

// AES-256-CBC (xmlenc-core §5.2.2) is what Entra sends; AES-GCM (xmlenc-core1 §5.2.4) is what
// SAML2int IIP-ALG04 requires an SP to take.
enum class ContentEncryption { aes256_cbc, aes256_gcm, aes128_gcm };

// How EncryptedKey names the recipient's key (entra-spec §1.13, an [INFER] knob).
enum class RecipientKeyInfo { x509_certificate, x509_issuer_serial, none };

struct EncryptOptions {
  ContentEncryption content = ContentEncryption::aes256_cbc;  // what Entra uses
  RecipientKeyInfo key_info = RecipientKeyInfo::x509_certificate;
};

// Replaces `assertion` with <EncryptedAssertion> holding one EncryptedData (Type Element, the
// chosen AES mode) whose KeyInfo carries an EncryptedKey (RSA-OAEP-MGF1P, SHA-1 digest) for
// `recipient`. A fresh content key each call. Returns the EncryptedAssertion element.
// REQUIRES: `assertion` belongs to `doc` and has a parent. Fails with encryption.failed.
Result<xmlNode*> encrypt_assertion(XmlDoc& doc, xmlNode* assertion, const Certificate& recipient,
                                   const EncryptOptions& options = {});

struct DecryptOptions {
  std::vector<ContentEncryption> allowed_content = {ContentEncryption::aes256_gcm,
                                                    ContentEncryption::aes256_cbc,
                                                    ContentEncryption::aes128_gcm};
};

// Decrypts `encrypted_assertion` in place: it is replaced by the Assertion it holds, re-parsed with
// parse_strict (no DTD, limits) before it enters the document. Key transport must be RSA-OAEP
// (rsa-oaep-mgf1p, or xmlenc11#rsa-oaep with MGF1-SHA1 or MGF1-SHA256; OAEP DigestMethod SHA-1 or
// SHA-256); content encryption must be allowed (encryption.algorithm_forbidden). Every other failure (wrong
// key, corrupt data, bad padding or tag, plaintext not exactly one Assertion) is the one uniform
// encryption.decrypt_failed, so a padding oracle learns nothing. Returns the new Assertion element.
Result<xmlNode*> decrypt_assertion(XmlDoc& doc, xmlNode* encrypted_assertion, const PrivateKey& key,
                                   const DecryptOptions& options = {});

}  // namespace samlt::core
