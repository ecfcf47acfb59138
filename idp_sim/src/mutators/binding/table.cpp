// SPDX-License-Identifier: Apache-2.0
// §13 Bindings and RelayState: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> binding_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
