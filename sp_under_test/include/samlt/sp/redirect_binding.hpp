// SPDX-License-Identifier: Apache-2.0
// The HTTP-Redirect binding (saml-bindings §3.4): DEFLATE + base64 + URL encoding, and the query
// string signature (SigAlg, Signature) computed and checked over the raw query bytes.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/sp/policy.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace samlt::sp {

// "SAMLRequest" or "SAMLResponse".
enum class RedirectParameter { saml_request, saml_response };

// Builds `<endpoint>?SAMLRequest=...[&RelayState=...][&SigAlg=...&Signature=...]` for `xml`
// (§3.4.4.1). With a `signer`, signs RSA-SHA256 over the exact encoded octets placed in the URL.
std::string redirect_url(std::string_view endpoint, RedirectParameter parameter,
                         std::string_view xml, std::string_view relay_state,
                         const core::Credential* signer);

// A Redirect message as received, split into its raw (still URL-encoded) parts.
struct RedirectMessage {
  RedirectParameter parameter = RedirectParameter::saml_request;
  std::string xml;  // inflated
  std::string relay_state;
  std::string sig_alg;  // decoded; empty when unsigned
  std::string signature;  // decoded raw signature bytes; empty when unsigned
  std::string signed_octets;  // "SAMLx=..&RelayState=..&SigAlg=.." exactly as received
};

// Splits a raw query string. Each parameter name may appear once and must be spelled exactly
// (attack-catalogue BIND-REDIRECT-PARAM-CONFUSION). Fails with binding.parameter_invalid
// (duplicate, missing, both SAMLRequest and SAMLResponse, SigAlg without Signature),
// binding.base64_invalid, codec.inflate_failed, codec.inflate_too_large, codec.url_invalid.
core::Result<RedirectMessage> parse_redirect_query(std::string_view raw_query,
                                                   std::size_t max_xml_bytes);

// Verifies the query signature with the first of `trusted` that verifies it. SigAlg must be
// rsa-sha256 (or rsa-sha1 when the policy allows SHA-1): anything else is
// signature.algorithm_forbidden, never a fallback (BIND-REDIRECT-SIGALG-UNKNOWN). Fails with
// signature.missing (unsigned), signature.algorithm_forbidden, signature.invalid,
// key.no_trusted_keys. Returns the certificate that verified.
core::Result<core::Certificate> verify_redirect_signature(
    const RedirectMessage& message, std::span<const core::Certificate> trusted,
    const Policy& policy);

}  // namespace samlt::sp
