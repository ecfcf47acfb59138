// SPDX-License-Identifier: Apache-2.0
// §10 Status and message structure: one apply function per mutator (one .cpp each). The generic
// families element.removed (subject/), attribute.set (audience/) and attribute.removed (time/),
// and response.version_wrong and status.requester (registry.cpp) build this section's other cases.
#pragma once

#include "samlt/idp/mutator.hpp"

namespace samlt::idp::mutators {

core::Result<void> status_set(Target& target);
core::Result<void> element_reordered(Target& target);

}  // namespace samlt::idp::mutators
