// SPDX-License-Identifier: Apache-2.0
// element.removed — one element of the message taken out, then signed (the Signature then goes
// first where the Issuer was). The default is SUBJ-MISSING: an Assertion without Subject, so
// without NameID and bearer confirmation (saml-profiles §4.1.4.2). Also SC-NO-SCD (bearer
// SubjectConfirmation without SubjectConfirmationData), ISS-ASSERT-MISSING (saml-core §2.3.3: the
// Assertion's Issuer is required) and POS-ISS-RESP-MISSING (§4.1.4.2: the Response's MAY go).
#include "mutators/locate.hpp"
#include "mutators/subject/subject.hpp"

namespace samlt::idp::mutators {

core::Result<void> element_removed(Target& target) {
  auto location = text_param(target, "element", "subject");
  if (!location) {
    return core::fail(location.error());
  }
  if (*location == "response") {
    return core::fail(core::Reason::mutator_params_invalid, "/element: the document element cannot be removed");
  }
  auto element = locate(target, *location);
  if (!element) {
    return core::fail(element.error());
  }
  core::remove_node(*element);
  return {};
}

}  // namespace samlt::idp::mutators
