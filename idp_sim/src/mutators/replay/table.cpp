// SPDX-License-Identifier: Apache-2.0
// §9 Replay, InResponseTo and unsolicited responses: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> replay_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
