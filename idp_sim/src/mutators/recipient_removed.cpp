// SPDX-License-Identifier: Apache-2.0
// recipient.removed — a bearer SubjectConfirmationData without Recipient: the assertion could be
// posted to any ACS. saml-profiles §4.1.4.2: Recipient is required for bearer confirmation.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> recipient_removed(Target& target) {
  xmlNode* data = first_in_assertion(target, "SubjectConfirmationData");
  if (data == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SubjectConfirmationData");
  }
  core::remove_attribute(data, "Recipient");
  return {};
}

}  // namespace samlt::idp::mutators
