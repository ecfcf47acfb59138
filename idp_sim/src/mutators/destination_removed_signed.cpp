// SPDX-License-Identifier: Apache-2.0
// destination.removed_signed — a signed Response without Destination, which lets it be replayed at
// any SP that trusts the IdP. saml-bindings §3.5.5.2: a signed message MUST carry Destination. The
// fault needs a signed Response, so an assertion-only signing option becomes "both".
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> destination_removed_signed(Target& target) {
  target.spec.destination.reset();
  if (target.spec.signing == Signing::assertion) {
    target.spec.signing = Signing::both;
  } else if (target.spec.signing == Signing::none) {
    target.spec.signing = Signing::response;
  }
  return {};
}

}  // namespace samlt::idp::mutators
