// SPDX-License-Identifier: Apache-2.0
// signing.certificate_expired — Entra keeps signing with an app's expired active certificate
// (entra-spec §6.1: "If your app lacks certificate expiration validation … it remains accessible").
// The SP imported metadata that advertises this certificate, so the key is trusted and only the
// SP's expiry check can refuse it (X.509 validity, RFC 5280 §4.1.2.5; SAML metadata §2.4.1.1).
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> signing_certificate_expired(Target& target) {
  auto name = string_param(target, "credential");
  if (!name) {
    return core::fail(name.error());
  }
  std::string credential_name = name->value_or("idp-signing-expired");
  const core::Credential* expired = target.credential(credential_name);
  if (expired == nullptr || !expired->key) {
    return core::fail(core::Reason::mutator_not_applicable,
                      "no credential '" + credential_name + "' with a private key is loaded");
  }
  if (expired->certificate.not_after() > target.t0) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "credential '" + credential_name + "' has not expired at the token time");
  }
  target.spec.signer = *expired;
  target.spec.sign_options.include_certificate = true;  // the expired certificate goes in KeyInfo
  if (target.spec.signing == Signing::none) {
    target.spec.signing = Signing::assertion;
  }
  return {};
}

}  // namespace samlt::idp::mutators
