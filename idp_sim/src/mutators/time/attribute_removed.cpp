// SPDX-License-Identifier: Apache-2.0
// attribute.removed — attributes taken off one element of the message, then signed: a required
// one (bearer SubjectConfirmationData/@NotOnOrAfter, saml-profiles §4.1.4.2: TIME-SCD-NOA-MISSING,
// the default; SubjectConfirmation/@Method: SC-METHOD-MISSING) or optional ones a correct SP must
// do without (Conditions' NotBefore and NotOnOrAfter, saml-core §2.5.1: POS-NO-NOTBEFORE; an
// unsigned Response's Destination, saml-core §3.2.2: POS-DEST-ABSENT-UNSIGNED).
#include "mutators/locate.hpp"
#include "mutators/time/time.hpp"

namespace samlt::idp::mutators {

core::Result<void> attribute_removed(Target& target) {
  auto location = text_param(target, "element", "subject_confirmation_data");
  if (!location) {
    return core::fail(location.error());
  }
  auto names = texts_param(target, "attributes", {"NotOnOrAfter"});
  if (!names) {
    return core::fail(names.error());
  }
  auto element = locate(target, *location);
  if (!element) {
    return core::fail(element.error());
  }
  for (const auto& name : *names) {
    if (!core::attribute(*element, name)) {
      return core::fail(core::Reason::mutator_not_applicable, *location + " has no attribute " + name);
    }
  }
  for (const auto& name : *names) {
    core::remove_attribute(*element, name);
  }
  return {};
}

}  // namespace samlt::idp::mutators
