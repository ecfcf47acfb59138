// SPDX-License-Identifier: Apache-2.0
// assertion.duplicated — a second Assertion (the signed one copied, with a new ID) in the Response:
// an SP that reads "the first" or "any" assertion can be steered (attack-catalogue XSW-3/4).
// saml-profiles §4.1.4.2 (one assertion used) — a strict SP refuses more than one.
#include "mutators/mutators.hpp"
#include "samlt/core/random.hpp"

namespace samlt::idp::mutators {

core::Result<void> assertion_duplicated(Target& target) {
  xmlNode* assertion = first_in_assertion(target, "Assertion");
  if (assertion == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no Assertion");
  }
  xmlNode* copy = xmlCopyNode(assertion, 1);
  core::set_attribute(copy, "ID", core::new_assertion_id());
  xmlAddNextSibling(assertion, copy);
  return {};
}

}  // namespace samlt::idp::mutators
