// SPDX-License-Identifier: Apache-2.0
// Attacker-side XML-DSig arithmetic for the mutators that forge or re-sign a Signature by hand
// (an HMAC key of the attacker's choosing, a detached signature over a foreign object): exclusive
// canonicalization, digests and signature values with libxml2 and OpenSSL directly, so nothing
// here shares code with the SP's verifier (core's xmlsec context).
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"

#include <string>
#include <string_view>

namespace samlt::idp::mutators::dsig {

inline constexpr std::string_view k_hmac_sha1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";

// Exclusive XML canonicalization without comments (exc-c14n, xml-exc-c14n §3) of `element`'s
// subtree, leaving out `excluded` (a descendant, e.g. the enveloped Signature) when given.
// Fails with internal.error.
core::Result<std::string> exc_c14n(const xmlNode* element, const xmlNode* excluded = nullptr);

// base64(SHA-256(bytes)): a DigestValue for http://www.w3.org/2001/04/xmlenc#sha256.
std::string sha256_base64(std::string_view bytes);

// base64(HMAC-SHA1(secret, bytes)): a SignatureValue for hmac-sha1 (xmldsig-core §6.3.1).
std::string hmac_sha1_base64(std::string_view secret, std::string_view bytes);

// base64(RSASSA-PKCS1-v1_5 SHA-256 signature of bytes with `key`) (rsa-sha256, RFC 6931 §2.3.2).
// Fails with internal.error.
core::Result<std::string> rsa_sha256_base64(const core::PrivateKey& key, std::string_view bytes);

// Recomputes the DigestValue of `signature`'s single Reference over its parent (enveloped:
// the Signature left out) with SHA-256. REQUIRES: the Reference uses SHA-256 and points at the
// parent. Fails with mutator.not_applicable when the Signature has no Reference.
core::Result<void> redigest_enveloped(xmlNode* signature);

// The first ds:`local` child of `parent`, or nullptr.
xmlNode* dsig_child(const xmlNode* parent, std::string_view local);

}  // namespace samlt::idp::mutators::dsig
