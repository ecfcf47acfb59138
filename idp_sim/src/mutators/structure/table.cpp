// SPDX-License-Identifier: Apache-2.0
// §10 Status and message structure: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> structure_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
