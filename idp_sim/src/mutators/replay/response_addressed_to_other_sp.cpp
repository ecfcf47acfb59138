// SPDX-License-Identifier: Apache-2.0
// response.addressed_to_other_sp — what another SP (SP-X) of the same IdP received: Audience,
// Recipient and Destination name SP-X, signed by the IdP, and posted here by SP-X or whoever
// captured it (case REPLAY-OTHER-SP; Google Apps SSO 2008, CVE-2022-23600). saml-profiles
// §4.1.4.2/§4.1.4.3: the Audience and the bearer Recipient must name this SP and this ACS. Param
// destination: kept (default, the Response still names SP-X's ACS) or removed (the attacker drops
// the unsigned envelope's Destination, as B-ASSERT allows); params entity_id, acs_url.
#include "mutators/locate.hpp"
#include "mutators/replay/replay.hpp"

namespace samlt::idp::mutators {

core::Result<void> response_addressed_to_other_sp(Target& target) {
  auto entity_id = text_param(target, "entity_id", "https://other-sp.example/");
  auto acs_url = text_param(target, "acs_url", "https://other-sp.example/saml/acs");
  auto destination = text_param(target, "destination", "kept");
  if (!entity_id || !acs_url || !destination) {
    return core::fail(!entity_id ? entity_id.error() : !acs_url ? acs_url.error() : destination.error());
  }
  if (*destination != "kept" && *destination != "removed") {
    return core::fail(core::Reason::mutator_params_invalid, "/destination: expected kept or removed");
  }
  target.spec.audiences = {*entity_id};
  target.spec.recipient = *acs_url;
  if (*destination == "kept") {
    target.spec.destination = *acs_url;
  } else {
    target.spec.destination.reset();
  }
  return {};
}

}  // namespace samlt::idp::mutators
