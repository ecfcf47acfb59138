// SPDX-License-Identifier: Apache-2.0
// encryption.tag_truncated — AES-GCM ciphertext cut so that fewer than the 16 tag bytes remain
// (attack-catalogue ENC-GCM-SHORT-TAG; xmlseclibs 3.1.5): a decrypter that takes "the last 16
// bytes" without checking the length reads the IV or nothing as the tag, and a short tag is
// forgeable. xmlenc-core1 §5.2.4: 96-bit IV, 128-bit tag. Param `form`: iv_plus_one_byte (default:
// the 12-byte IV and one byte) | one_byte_tag (the ciphertext with a 1-byte tag).
#include "mutators/encryption/encryption.hpp"
#include "samlt/core/codec.hpp"

namespace samlt::idp::mutators {

core::Result<void> encryption_tag_truncated(Target& target) {
  auto form = enc::choice(target, "form", "iv_plus_one_byte|one_byte_tag", "iv_plus_one_byte");
  auto encrypted = enc::encrypted_assertion(target);
  if (!form || !encrypted) {
    return core::fail(!form ? form.error() : encrypted.error());
  }
  xmlNode* data = raw::encrypted_data(*encrypted);
  std::string algorithm = core::attribute(raw::encryption_method(data), "Algorithm").value_or("");
  xmlNode* value = raw::cipher_value(data);
  auto bytes = core::base64_decode(core::simple_text(value).value_or(""));
  if (algorithm.find("-gcm") == std::string::npos || !bytes || bytes->size() < 12 + 16 + 1) {
    return core::fail(core::Reason::mutator_not_applicable, "needs AES-GCM content (token_encryption aes256-gcm)");
  }
  std::string cut = *form == "iv_plus_one_byte" ? bytes->substr(0, 13) : bytes->substr(0, bytes->size() - 15);
  core::set_text(value, core::base64_encode(cut));
  return {};
}

}  // namespace samlt::idp::mutators
