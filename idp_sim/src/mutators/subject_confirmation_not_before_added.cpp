// SPDX-License-Identifier: Apache-2.0
// subject_confirmation.not_before_added — bearer SubjectConfirmationData with NotBefore. saml-profiles
// §4.1.4.2: bearer confirmation data MUST NOT contain NotBefore (it is a Conditions matter).
#include "mutators/mutators.hpp"
#include "samlt/core/saml_time.hpp"

namespace samlt::idp::mutators {

core::Result<void> subject_confirmation_not_before_added(Target& target) {
  xmlNode* data = first_in_assertion(target, "SubjectConfirmationData");
  if (data == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SubjectConfirmationData");
  }
  core::set_attribute(data, "NotBefore", core::format_datetime(target.t0 - std::chrono::minutes(5)));
  return {};
}

}  // namespace samlt::idp::mutators
