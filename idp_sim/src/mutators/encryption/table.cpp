// SPDX-License-Identifier: Apache-2.0
// §11 XML encryption: this section's mutators, one row each (registry.cpp joins the tables).
// Every baseline turns the app's token encryption on (the SP's encryption certificate).
#include "mutators/encryption/encryption.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> encryption_mutators() {
  using core::Reason;
  static constexpr std::string_view gcm = R"({"signing":"assertion","token_encryption":{"enabled":true,"content_algorithm":"aes256-gcm"}})";
  static constexpr std::string_view cbc = R"({"signing":"assertion","token_encryption":{"enabled":true,"content_algorithm":"aes256-cbc"}})";
  static constexpr Mutator k_rows[] = {
      {"encryption.unsigned_forged", Stage::spec, Reason::assertion_unsigned,
       "an unsigned Assertion for the victim encrypted to the SP, in an unsigned Response (param victim)",
       &encryption_unsigned_forged, 11, Capability::sp_enc, gcm},
      {"encryption.foreign_signature_carried", Stage::encrypted, Reason::signature_reference_not_parent,
       "a detached IdP signature over an IdP-signed object in StatusDetail as the Response's Signature "
       "(param object: metadata | logout_response)",
       &encryption_foreign_signature_carried, 11, Capability::no_key, gcm},
      {"encryption.plaintext_replaced", Stage::signed_xml, Reason::encryption_decrypt_failed,
       "the encrypted plaintext replaced (param plaintext: evil_then_signed | signed_then_evil | signature_in_forged | "
       "reference_to_response | copy_outside | doctype_external_entity | entity_reference; victim)",
       &encryption_plaintext_replaced, 11, Capability::sp_enc, gcm},
      {"encryption.cbc_oracle_probed", Stage::signed_xml, Reason::encryption_decrypt_failed,
       "an AES-256-CBC oracle probe (param probe: bad_padding | bad_utf8 | not_an_assertion | wrong_key)",
       &encryption_cbc_oracle_probed, 11, Capability::sp_enc, cbc},
      {"encryption.algorithms_set", Stage::signed_xml, Reason::encryption_algorithm_forbidden,
       "the Assertion encrypted with chosen algorithms (params content, key_transport: default rsa-1_5, "
       "oaep_digest, mgf)",
       &encryption_algorithms_set, 11, Capability::sp_enc, gcm},
      {"encryption.algorithm_relabeled", Stage::encrypted, Reason::encryption_algorithm_forbidden,
       "an EncryptionMethod relabelled, ciphertext kept (params what: key_transport | content, to)",
       &encryption_algorithm_relabeled, 11, Capability::no_key, gcm},
      {"encryption.tag_truncated", Stage::encrypted, Reason::encryption_decrypt_failed,
       "AES-GCM CipherValue cut below a 16-byte tag (param form: iv_plus_one_byte | one_byte_tag)",
       &encryption_tag_truncated, 11, Capability::no_key, gcm},
      {"encryption.key_reference_set", Stage::encrypted, Reason::encryption_decrypt_failed,
       "where EncryptedData finds its key (param form: cycle | many | external; sibling is valid; count)",
       &encryption_key_reference_set, 11, Capability::no_key, gcm},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
