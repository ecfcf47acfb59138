// SPDX-License-Identifier: Apache-2.0
// "SAML Request Signature Verification" (entra-spec §3.4, D11): only when the app requires
// signed requests; the signature must sit where the binding puts it.
#pragma once

#include "received_message.hpp"
#include "samlt/idp/idp_config.hpp"

namespace samlt::idp {

// Redirect: SigAlg + Signature over the raw query octets (saml-bindings §3.4.4.1); POST: the
// enveloped Signature of the root element, verified with core::verify_enveloped. Keys are only
// the app's verification certificates (the two most recently added, D11). Fails with
// authn_request.signature_required (no signature where the binding puts it),
// authn_request.verification_certificate_missing, authn_request.signature_algorithm_forbidden
// (missing, or not RSA-SHA256 / RSA-SHA1 when allowed) or authn_request.signature_invalid.
core::Result<void> verify_request_signature(const App& app, core::XmlDoc& doc,
                                            const core::BindingMessage& message);

}  // namespace samlt::idp
