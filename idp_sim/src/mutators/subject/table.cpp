// SPDX-License-Identifier: Apache-2.0
// §8 Subject confirmation, Subject and AuthnStatement: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> subject_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
