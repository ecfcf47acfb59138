// SPDX-License-Identifier: Apache-2.0
// signature.response
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// saml-core §5.4 and attack-catalogue §16: when the Response carries a Signature it must be the
// single enveloped one right after Issuer, in the SAML profile, and verify with a key of the
// Issuer's IdP from the trust store (never KeyInfo). It runs before decryption, which rewrites the
// DOM the digest covers. An absent Response signature is not an error here: signature.assertion
// applies the policy on which signatures are required.
core::Result<void> signature_response(const Context& ctx, MessageEvidence& ev) {
  auto signature = core::enveloped_signature_of(ev.response);
  if (!signature) {
    return core::fail(signature.error());
  }
  if (*signature == nullptr) {
    return {};
  }
  auto verified = core::verify_enveloped(ev.doc, *signature, ev.idp->signing_certificates,
                                         verify_options(ctx.policy));
  if (!verified) {
    return core::fail(verified.error());
  }
  ev.response_signature = std::move(*verified);
  return {};
}

}  // namespace samlt::sp::steps
