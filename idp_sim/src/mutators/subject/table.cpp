// SPDX-License-Identifier: Apache-2.0
// §8 Subject confirmation, Subject and AuthnStatement: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"
#include "mutators/subject/subject.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> subject_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"element.removed", Stage::unsigned_xml, Reason::subject_missing,
       "the element at param element (a place; default the Assertion's Subject) removed, then signed",
       &element_removed, 8, Capability::idp_key},
      {"subject_confirmation.all_invalid", Stage::unsigned_xml, Reason::subject_confirmation_expired,
       "two bearer confirmations, one expired 240 s ago and one answering another request (param order: "
       "expired_first | in_response_to_first), then signed",
       &subject_confirmation_all_invalid, 8, Capability::idp_key},
      {"attribute.duplicated", Stage::unsigned_xml, Reason::attribute_duplicated,
       "one Attribute Name twice (param name: role, user and admin | email, a second emailaddress "
       "holding param victim; param statement: same | second; param original: kept | removed), then signed",
       &attribute_duplicated, 8, Capability::idp_key},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
