// SPDX-License-Identifier: Apache-2.0
// This SP's policy for HTTP-Redirect query signatures (saml-bindings §3.4.4.1): which SigAlg and
// which keys it accepts. Decoding, the signed octets and the RSA check are core's binding codec.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/sp/policy.hpp"

#include <span>

namespace samlt::sp {

// Verifies the query signature with the first of `trusted` that verifies it. SigAlg must be
// rsa-sha256 (or rsa-sha1 when the policy allows SHA-1): anything else is
// signature.algorithm_forbidden, never a fallback (BIND-REDIRECT-SIGALG-UNKNOWN). Keys that are not
// RSA or weaker than policy.min_rsa_bits are skipped. Fails with signature.missing (unsigned),
// signature.algorithm_forbidden, key.no_trusted_keys, signature.invalid. Returns the certificate
// that verified.
core::Result<core::Certificate> verify_redirect_signature(
    const core::BindingMessage& message, std::span<const core::Certificate> trusted,
    const Policy& policy);

}  // namespace samlt::sp
