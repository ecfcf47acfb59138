// SPDX-License-Identifier: Apache-2.0
// subject_confirmation.in_response_to_mismatch — the signed confirmation answers another request
// than the (unsigned) Response envelope says. saml-profiles §4.1.4.2: InResponseTo in
// SubjectConfirmationData must be the request's ID; only that attribute changes.
#include "mutators/mutators.hpp"
#include "samlt/core/random.hpp"

namespace samlt::idp::mutators {

core::Result<void> subject_confirmation_in_response_to_mismatch(Target& target) {
  xmlNode* data = first_in_assertion(target, "SubjectConfirmationData");
  if (data == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SubjectConfirmationData");
  }
  core::set_attribute(data, "InResponseTo", core::new_saml_id());
  return {};
}

}  // namespace samlt::idp::mutators
