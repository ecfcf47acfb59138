// SPDX-License-Identifier: Apache-2.0
// §7 Audience, Recipient, Destination and Issuer: the mutators, one .cpp each. attribute.set and
// element.emptied are generic families over the places of mutators/locate.hpp; §8 uses them too.
#pragma once

#include "samlt/idp/mutator.hpp"

namespace samlt::idp::mutators {

core::Result<void> attribute_set(Target& target);
core::Result<void> element_emptied(Target& target);
core::Result<void> audience_restriction_added(Target& target);

}  // namespace samlt::idp::mutators
