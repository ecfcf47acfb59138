// SPDX-License-Identifier: Apache-2.0
// §11 XML Encryption: the mutators (one .cpp each) and the helpers they share. Ciphertext is
// built by raw_cipher.hpp (OpenSSL directly), never by core's XML-Enc code. They encrypt to the
// certificate the app's token encryption names (the target SP's published encryption key).
#pragma once

#include "mutators/encryption/raw_cipher.hpp"
#include "samlt/idp/mutator.hpp"

#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> encryption_unsigned_forged(Target& target);
core::Result<void> encryption_foreign_signature_carried(Target& target);
core::Result<void> encryption_plaintext_replaced(Target& target);
core::Result<void> encryption_cbc_oracle_probed(Target& target);
core::Result<void> encryption_algorithms_set(Target& target);
core::Result<void> encryption_algorithm_relabeled(Target& target);
core::Result<void> encryption_tag_truncated(Target& target);
core::Result<void> encryption_key_reference_set(Target& target);

namespace enc {

// The SP certificate the app encrypts to; mutator.not_applicable when token encryption is off.
core::Result<core::Certificate> recipient(const Target& target);

// The Response's Assertion (before encryption) or EncryptedAssertion (after); not_applicable when
// there is none.
core::Result<xmlNode*> assertion(const Target& target);
core::Result<xmlNode*> encrypted_assertion(const Target& target);

// The raw recipe of the app's own token encryption: its content algorithm (aes256-gcm or
// aes256-cbc) and RSA-OAEP-MGF1P with SHA-1, as core encrypts.
raw::Recipe app_recipe(const Target& target);

// The string parameter `name` restricted to `choices` ("a|b|c"); `fallback` when absent.
core::Result<std::string> choice(const Target& target, std::string_view name, std::string_view choices,
                                 std::string_view fallback);

}  // namespace enc
}  // namespace samlt::idp::mutators
