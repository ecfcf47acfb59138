// SPDX-License-Identifier: Apache-2.0
// §9 Replay, InResponseTo and unsolicited responses: the mutators, one .cpp each.
#pragma once

#include "samlt/idp/mutator.hpp"

namespace samlt::idp::mutators {

core::Result<void> response_addressed_to_other_sp(Target& target);
core::Result<void> in_response_to_set(Target& target);

}  // namespace samlt::idp::mutators
