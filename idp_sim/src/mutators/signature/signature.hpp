// SPDX-License-Identifier: Apache-2.0
// §2 Signature presence, exclusion and verification: the mutators (one .cpp each). They share the
// XSW helpers (xsw/xsw.hpp): victim content, parameters, digests and re-signing.
#pragma once

#include "mutators/xsw/xsw.hpp"

namespace samlt::idp::mutators {

core::Result<void> signature_hollowed(Target& target);
core::Result<void> signature_digest_recomputed(Target& target);
core::Result<void> signature_value_malformed(Target& target);
core::Result<void> signature_reference_retargeted(Target& target);
core::Result<void> signature_transform_inserted(Target& target);
core::Result<void> signature_object_added(Target& target);

namespace sig {

// The Signature of the Response or of its first Assertion, by param `target` (assertion |
// response; default assertion): mutator.params_invalid for another value, mutator.not_applicable
// when that element is not signed.
core::Result<xmlNode*> chosen_signature(const Target& target);

// The first ds:`local` descendant of `signature`, or nullptr.
xmlNode* part(const xmlNode* signature, std::string_view local);

}  // namespace sig
}  // namespace samlt::idp::mutators
