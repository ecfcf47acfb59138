// SPDX-License-Identifier: Apache-2.0
// recipient.wrong — a bearer assertion confirmed for another SP's ACS, forwarded here. saml-profiles
// §4.1.4.2: Recipient must be the ACS URL the response was delivered to.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> recipient_wrong(Target& target) {
  auto recipient = string_param(target, "recipient");
  if (!recipient) {
    return core::fail(recipient.error());
  }
  target.spec.recipient = recipient->value_or("https://other-sp.example/saml/acs");
  return {};
}

}  // namespace samlt::idp::mutators
