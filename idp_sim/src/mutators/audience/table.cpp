// SPDX-License-Identifier: Apache-2.0
// §7 Audience, Recipient, Destination and Issuer: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> audience_mutators() {
  return {};
}

}  // namespace samlt::idp::mutators
