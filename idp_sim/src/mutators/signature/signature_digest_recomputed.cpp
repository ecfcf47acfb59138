// SPDX-License-Identifier: Apache-2.0
// signature.digest_recomputed — the signed content forged and the Reference's DigestValue
// recomputed to match (Relyra CVE-2026-49454; SIG-DIGEST-ONLY): SignedInfo changed, so the
// SignatureValue no longer verifies. Catches verifiers that check digests but never the
// SignatureValue. xmldsig-core §3.2.2 (signature validation over SignedInfo).
#include "mutators/signature/signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: target (assertion | response: whose content and digest), victim.
core::Result<void> signature_digest_recomputed(Target& target) {
  auto signature = sig::chosen_signature(target);
  auto victim = xsw::victim(target);
  if (!signature || !victim) {
    return core::fail(!signature ? signature.error() : victim.error());
  }
  xmlNode* element = (*signature)->parent;
  xmlNode* value = sig::part(*signature, "DigestValue");
  if (value == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Signature has no DigestValue");
  }
  xsw::write_victim(element, *victim);
  auto digest = xsw::enveloped_digest(element);
  if (!digest) {
    return core::fail(digest.error());
  }
  core::set_text(value, *digest);
  return {};
}

}  // namespace samlt::idp::mutators
