// SPDX-License-Identifier: Apache-2.0
// subject_confirmation.removed — no bearer SubjectConfirmation at all, so nothing ties the assertion
// to this SP, this ACS or a time window. saml-profiles §4.1.4.2: at least one bearer confirmation.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> subject_confirmation_removed(Target& target) {
  return remove_first(target, core::names::ns_assertion, "SubjectConfirmation");
}

}  // namespace samlt::idp::mutators
