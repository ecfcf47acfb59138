// SPDX-License-Identifier: Apache-2.0
// §4 Canonicalization and parser differentials: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> c14n_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
