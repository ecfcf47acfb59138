// SPDX-License-Identifier: Apache-2.0
// Private to core: xmlsec1 initialisation and small RAII adapters.
#pragma once

#include "samlt/core/keys.hpp"

#include <xmlsec/xmlsec.h>
#include <xmlsec/keys.h>
#include <xmlsec/transforms.h>

#include <memory>
#include <string>
#include <vector>

namespace samlt::core::detail {

// Initialises libxml2, xmlsec1 and its OpenSSL backend exactly once per process (thread-safe).
// Process-wide by necessity: xmlsec has global state. Also sets one-line base64 and no line
// feeds in templates (Entra's compact output) and routes xmlsec's errors to last_xmlsec_error().
void ensure_xmlsec();

// The last xmlsec error reported on this thread (for details), then cleared.
std::string take_xmlsec_error();

struct XmlSecKeyDeleter {
  void operator()(xmlSecKey* key) const { xmlSecKeyDestroy(key); }
};
using XmlSecKeyPtr = std::unique_ptr<xmlSecKey, XmlSecKeyDeleter>;

// An xmlsec key holding (a new reference to) `pkey`; nullptr on failure.
XmlSecKeyPtr make_xmlsec_key(EVP_PKEY* pkey);

}  // namespace samlt::core::detail

#include "samlt/core/xmldsig.hpp"

namespace samlt::core::detail {

// xmlsec's transform klasses for a SignatureAlgorithm.
xmlSecTransformId signature_transform(SignatureAlgorithm algorithm);
xmlSecTransformId digest_transform(SignatureAlgorithm algorithm);

}  // namespace samlt::core::detail

namespace samlt::core::detail {

// What the profile check learned about a Signature before any crypto runs.
struct SignatureProfile {
  xmlNode* signed_element = nullptr;  // the Signature's parent
  std::string id;                     // its ID, the only Reference target allowed
  SignatureAlgorithm algorithm = SignatureAlgorithm::rsa_sha256;
  SignatureAlgorithm digest = SignatureAlgorithm::rsa_sha256;  // whose DigestMethod the Reference uses
  std::vector<std::string> key_info_certificates;  // X509Certificate texts: hints only, never trusted
  xmlNode* key_info = nullptr;  // the Signature's KeyInfo, if any: read for failure hints only
};

// The DOM checks of verify_enveloped (saml-core §5.4, attack-catalogue §16 "Choosing the
// signature"), run before xmlsec sees the Signature. Registers the ID on the parent.
Result<SignatureProfile> check_signature_profile(XmlDoc& doc, xmlNode* signature,
                                                 const VerifyOptions& options);

}  // namespace samlt::core::detail
