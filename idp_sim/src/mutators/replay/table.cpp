// SPDX-License-Identifier: Apache-2.0
// §9 Replay, InResponseTo and unsolicited responses: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/replay/replay.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> replay_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"response.addressed_to_other_sp", Stage::spec, Reason::response_destination_mismatch,
       "Audience, Recipient and Destination name another SP (params entity_id, acs_url; param destination: "
       "kept | removed), signed as that SP would have received it",
       &response_addressed_to_other_sp, 9, Capability::no_key},
      {"in_response_to.set", Stage::unsigned_xml, Reason::response_in_response_to_unknown,
       "InResponseTo set to param value (default \"\") on param where: response | confirmation | both "
       "(default), then signed",
       &in_response_to_set, 9, Capability::idp_key},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
