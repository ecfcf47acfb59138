// SPDX-License-Identifier: Apache-2.0
// destination.wrong — a response addressed to another SP (or another ACS of this one) posted here.
// saml-bindings §3.5.5.2: the SP must check that Destination is the location it received it at.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> destination_wrong(Target& target) {
  auto destination = string_param(target, "destination");
  if (!destination) {
    return core::fail(destination.error());
  }
  target.spec.destination = destination->value_or("https://other-sp.example/saml/acs");
  return {};
}

}  // namespace samlt::idp::mutators
