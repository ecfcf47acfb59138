// SPDX-License-Identifier: Apache-2.0
// §7 Audience, Recipient, Destination and Issuer: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/audience/audience.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> audience_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"attribute.set", Stage::unsigned_xml, Reason::response_destination_mismatch,
       "param attribute of the element at param element (a place) set to param value (default "
       "Response/@Destination=\"\"), then signed",
       &attribute_set, 7, Capability::idp_key},
      {"element.emptied", Stage::unsigned_xml, Reason::audience_restriction_audience_mismatch,
       "the content of the element at param element (a place; default Audience) replaced by param text "
       "(default none), param attributes kept | removed, then signed",
       &element_emptied, 7, Capability::idp_key},
      {"audience_restriction.added", Stage::unsigned_xml, Reason::audience_restriction_audience_mismatch,
       "a second AudienceRestriction naming only param audience (default https://other-sp.example/), then "
       "signed",
       &audience_restriction_added, 7, Capability::idp_key},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
