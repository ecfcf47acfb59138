// SPDX-License-Identifier: Apache-2.0
// The independent oracle for mutators whose attack relies on a signature that still verifies
// (style §6.8): the xmlsec1 command line, and for "SignedInfo only" builds the openssl command
// line over the exclusive canonical form of SignedInfo. Never this project's own verifier.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace samlt::test::idp {

struct OracleVerdict {
  bool verified = false;
  std::string output;  // what the command lines printed (for INFO on failure)
};

// xmlsec1 --verify on `xml` with the certificate of `role` from the test certificate set, ID
// attributes registered on samlp:Response, saml:Assertion, md:EntityDescriptor and
// samlp:LogoutResponse, starting at the Signature selected by `signature_xpath` (xmlsec1 takes the
// first Signature in document order otherwise). Duplicated IDs break --id-attr: verify those on an
// extracted copy.
OracleVerdict xmlsec1_verifies(const std::string& xml, const std::string& signature_xpath,
                               std::string_view role = "idp-signing");

// True when the SignatureValue of the Signature selected by `signature_xpath` verifies over the
// exclusive canonical form (without comments) of its `signed_info`-th (1-based) SignedInfo child
// with `role`'s public key (openssl dgst -verify; rsa-sha256 only): that SignedInfo was left
// intact even where a Reference digest no longer matches.
OracleVerdict signed_info_verifies(const std::string& xml, const std::string& signature_xpath,
                                   std::string_view role = "idp-signing", int signed_info = 1);

// A document of its own holding a copy of `element` (a Response or Assertion, without any
// Signature child) with a copy of `signature` placed as its enveloped Signature (after Issuer):
// for builds where duplicated IDs keep xmlsec1 from resolving the Reference in the mutated
// message, this checks that the signed content is exactly the hidden copy. Verify it with
// k_root_signature.
std::string with_signature(const xmlNode* element, const xmlNode* signature);
inline constexpr const char* k_root_signature = "/*/*[local-name()='Signature']";

// The SHA-256 DigestValue (base64) of `element` without its direct Signature, computed by the
// command lines (xmllint --exc-c14n, openssl dgst): what an enveloped Reference to it carries.
std::string cli_enveloped_digest(const xmlNode* element);

// XPaths of the usual Signatures: the Response's own, and the one of the n-th (1-based) Assertion
// child of the Response.
inline constexpr const char* k_response_signature = "/*/*[local-name()='Signature']";
std::string assertion_signature(int n = 1);

}  // namespace samlt::test::idp
