// SPDX-License-Identifier: Apache-2.0
// §12 Algorithms: one apply function per mutator (one .cpp each), and the signature they edit.
#pragma once

#include "samlt/idp/mutator.hpp"

namespace samlt::idp::mutators {

core::Result<void> signature_algorithm_set(Target& target);
core::Result<void> signature_hmac_substituted(Target& target);

// The Signature param `target` names (assertion | response), by default the Assertion's when the
// Assertion is signed, else the Response's. mutator.not_applicable when that one is absent.
core::Result<xmlNode*> edited_signature(const Target& target);

// The ds:Signature of the element enclosing `signature`'s parent, if any: the Response signature
// that covers a signed Assertion (it must be made again after the Assertion's changed).
xmlNode* enclosing_signature(const xmlNode* signature);

}  // namespace samlt::idp::mutators
