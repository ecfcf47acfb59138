// SPDX-License-Identifier: Apache-2.0
// ResponseSpec → XML in Entra's exact shape (entra-spec §1.1, §1.2), then signatures (§1.12) and
// token encryption (§1.13). The stages between these calls belong to response_pipeline.hpp.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/response_spec.hpp"

namespace samlt::idp {

// The unsigned Response: elements and attributes in §1.2's order, compact, prefixes as Entra
// writes them (samlp: on protocol elements, default namespace on Issuer and Assertion). An empty
// attribute list omits AttributeStatement; include_assertion=false leaves the Assertion out.
core::XmlDoc build_response(const ResponseSpec& spec);

// The Assertion element of a built Response, or nullptr.
xmlNode* response_assertion(const core::XmlDoc& doc);

// Signs the Assertion when spec.signing is assertion or both (the Signature right after Issuer).
// Fails with internal.error or signature.id_ambiguous.
core::Result<void> sign_assertion(core::XmlDoc& doc, const ResponseSpec& spec);

// Signs the Response when spec.signing is response or both. For both, call after sign_assertion:
// the response signature then covers the signed assertion (entra-spec §1.12 [INFER] order).
core::Result<void> sign_response_element(core::XmlDoc& doc, const ResponseSpec& spec);

// Replaces the Assertion with an EncryptedAssertion for spec.encrypt_for (no-op when unset).
// Fails with encryption.failed.
core::Result<void> encrypt_response_assertion(core::XmlDoc& doc, const ResponseSpec& spec);

}  // namespace samlt::idp
