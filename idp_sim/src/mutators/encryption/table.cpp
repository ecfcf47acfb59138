// SPDX-License-Identifier: Apache-2.0
// §11 XML encryption: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> encryption_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
