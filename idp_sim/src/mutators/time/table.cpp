// SPDX-License-Identifier: Apache-2.0
// §6 Conditions and time windows: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"
#include "mutators/time/time.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> time_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"time.shifted", Stage::unsigned_xml, Reason::conditions_expired,
       "one dateTime (param field: response.issue_instant … authn.session_not_on_or_after) set to t0 + param "
       "seconds (default Conditions/@NotOnOrAfter = t0 - 180 s), then signed",
       &time_shifted, 6, Capability::idp_key},
      {"time.malformed", Stage::unsigned_xml, Reason::time_unparseable,
       "one dateTime (param field) replaced by param value (default 2024-02-30T00:00:00Z in "
       "Conditions/@NotOnOrAfter), then signed",
       &time_malformed, 6, Capability::idp_key},
      {"attribute.removed", Stage::unsigned_xml, Reason::subject_confirmation_not_on_or_after_missing,
       "params attributes removed from the element at param element (a place; default "
       "SubjectConfirmationData/@NotOnOrAfter), then signed",
       &attribute_removed, 6, Capability::idp_key},
      {"conditions.duplicated", Stage::unsigned_xml, Reason::conditions_multiple,
       "a second Conditions (a day either side, param audience) after the first (param first: "
       "original | looser), then signed",
       &conditions_duplicated, 6, Capability::idp_key},
      {"conditions.condition_added", Stage::unsigned_xml, Reason::conditions_condition_unknown,
       "a condition appended to Conditions (param condition: unknown_type | one_time_use), then signed",
       &conditions_condition_added, 6, Capability::idp_key},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
