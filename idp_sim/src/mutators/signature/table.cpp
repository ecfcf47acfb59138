// SPDX-License-Identifier: Apache-2.0
// §2 Signature presence, exclusion and verification: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> signature_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
