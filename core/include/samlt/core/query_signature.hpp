// SPDX-License-Identifier: Apache-2.0
// The HTTP-Redirect binding's signature (saml-bindings §3.4.4.1): RSA over the exact octets
// "SAMLRequest=…[&RelayState=…]&SigAlg=…" as they appear, still URL-encoded, in the query string.
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xmldsig.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace samlt::core {

// The SignatureAlgorithm a SigAlg URI names, or nullopt for anything else (never a fallback).
std::optional<SignatureAlgorithm> signature_algorithm_from_uri(std::string_view uri);

// The raw signature bytes (not base64) of `octets`. Fails with internal.error (detail: OpenSSL).
Result<std::string> sign_query_octets(const PrivateKey& key, SignatureAlgorithm algorithm,
                                      std::string_view octets);

// True when `signature` (raw bytes) is `certificate`'s RSA signature of `octets`. The key must be
// RSA; the verification must return exactly 1.
bool verify_query_octets(const Certificate& certificate, SignatureAlgorithm algorithm,
                         std::string_view octets, std::string_view signature);

}  // namespace samlt::core
