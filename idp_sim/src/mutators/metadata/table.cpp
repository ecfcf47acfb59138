// SPDX-License-Identifier: Apache-2.0
// §14 Metadata: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> metadata_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
