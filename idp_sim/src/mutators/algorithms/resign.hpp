// SPDX-License-Identifier: Apache-2.0
// Recomputing an XML signature in place after a mutator changed what it covers or how it is made
// (algorithm URIs, transforms, a PrefixList, an HMAC key). Built on libxml2's canonicalizer and
// OpenSSL directly, so what the IdP side signs does not depend on the xmlsec code the SP verifies
// with; the tests check every result with the xmlsec1 command line.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"

#include <openssl/evp.h>

#include <string>
#include <string_view>

namespace samlt::idp::mutators {

// What a signature is made with: an RSA or EC private key (borrowed), or an HMAC secret.
struct SigningKey {
  EVP_PKEY* private_key = nullptr;
  std::string hmac_secret;
};

// Recomputes the DigestValue of each Reference of `signature` (URI "#ID" or ""; transforms
// enveloped-signature, exc-c14n with an optional InclusiveNamespaces PrefixList, c14n 1.0, each
// with or without comments; DigestMethod md5, sha1, sha224, sha256, sha384, sha512), then its
// SignatureValue over the canonical SignedInfo (rsa-md5, rsa-sha1/224/256/384/512,
// sha256-rsa-MGF1 (RSA-PSS), ecdsa-sha256/384/512, hmac-sha1/224/256/384/512 with an optional
// HMACOutputLength in bits). Fails with mutator.not_applicable naming what it cannot compute.
core::Result<void> resign(core::XmlDoc& doc, xmlNode* signature, const SigningKey& key);

// Every ds:Signature of the document, innermost first (an Assertion's before the Response's that
// covers it).
core::Result<void> resign_all(core::XmlDoc& doc, const SigningKey& key);

// The canonical octets of `root`'s subtree without `excluded`'s (nullptr: none): exc-c14n when
// `exclusive` (with `prefixes`, the InclusiveNamespaces PrefixList, space-separated), else c14n
// 1.0. Fails with internal.error when libxml2 refuses (a relative namespace URI, …).
core::Result<std::string> canonical_octets(xmlDoc* doc, const xmlNode* root, const xmlNode* excluded,
                                           bool exclusive, bool with_comments, std::string_view prefixes = {});

// base64(H(octets)) for a DigestMethod URI; nullptr-free: mutator.not_applicable for an unknown one.
core::Result<std::string> digest_base64(std::string_view digest_method, std::string_view octets);

}  // namespace samlt::idp::mutators
