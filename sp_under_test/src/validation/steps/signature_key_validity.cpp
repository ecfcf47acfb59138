// SPDX-License-Identifier: Apache-2.0
// signature.key_validity
#include "samlt/core/saml_time.hpp"
#include "samlt/sp/validation/steps.hpp"

#include <vector>

namespace samlt::sp::steps {

// Policy enforce_certificate_validity (default on): a trusted certificate is used only inside its
// validity window. Entra's app metadata keeps expired certificates listed after a rollover
// (attack-catalogue POS-EXPIRED-IDP-CERT is a POLICY case); this SP refuses a signature made with
// one. No skew here: a certificate's window is years long and set by the IdP admin. The key size
// is checked again (core refuses short keys while verifying; this keeps the rule visible).
template <class Ev>
core::Result<void> signature_key_validity(const Context& ctx, Ev& ev) {
  std::vector<const core::Certificate*> used;
  if (ev.response_signature) {
    used.push_back(&ev.response_signature->certificate);
  }
  if (ev.assertion->signed_itself()) {
    used.push_back(&ev.assertion->certificate());
  }
  for (const core::Certificate* cert : used) {
    if (cert->key_bits() < ctx.policy.min_rsa_bits) {
      return core::fail(core::Reason::key_too_weak, cert->subject() + " has a " +
                                                        std::to_string(cert->key_bits()) + "-bit key");
    }
    if (!ctx.policy.enforce_certificate_validity) {
      continue;
    }
    if (ctx.now < cert->not_before()) {
      return core::fail(core::Reason::key_certificate_not_yet_valid,
                        cert->subject() + " (SHA-1 " + cert->thumbprint_sha1() + ") is valid from " +
                            core::format_datetime(cert->not_before()));
    }
    if (ctx.now >= cert->not_after()) {
      return core::fail(core::Reason::key_certificate_expired,
                        cert->subject() + " (SHA-1 " + cert->thumbprint_sha1() + ") expired " +
                            core::format_datetime(cert->not_after()));
    }
  }
  return {};
}

SAMLT_ASSERTION_STEP(signature_key_validity)

}  // namespace samlt::sp::steps
