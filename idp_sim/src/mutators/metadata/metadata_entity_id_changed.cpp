// SPDX-License-Identifier: Apache-2.0
// metadata.entity_id_changed — a document for another entity served where the IdP's metadata is
// expected (attack-catalogue MD-ENTITYID-MISMATCH; an MDQ answer for another entity, SAML2int
// IIP-MD01): a consumer that re-keys the IdP record by whatever entityID arrives lets one IdP's
// metadata take over another's name. Param `entity_id` (default a second Entra tenant's issuer).
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_entity_id_changed(Target& target) {
  auto entity_id = string_param(target, "entity_id");
  if (!entity_id) {
    return core::fail(entity_id.error());
  }
  core::set_attribute(target.doc->root(), "entityID",
                      entity_id->value_or("https://sts.windows.net/f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e/"));
  return {};
}

}  // namespace samlt::idp::mutators
