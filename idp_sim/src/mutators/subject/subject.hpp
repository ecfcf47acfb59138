// SPDX-License-Identifier: Apache-2.0
// §8 Subject confirmation, Subject and AuthnStatement: the mutators, one .cpp each. element.removed
// is a generic family over the places of mutators/locate.hpp; §7 uses it too.
#pragma once

#include "samlt/idp/mutator.hpp"

namespace samlt::idp::mutators {

core::Result<void> element_removed(Target& target);
core::Result<void> subject_confirmation_all_invalid(Target& target);
core::Result<void> attribute_duplicated(Target& target);

}  // namespace samlt::idp::mutators
