// SPDX-License-Identifier: Apache-2.0
// claim.email_missing — a user without `mail` (entra-spec §1.10: empty claims are omitted, S4) at
// an SP that needs an email and a persistent pairwise NameID (the B2B requirement of §5.1). The
// NameID is made persistent too, so that no email reaches the SP by either route.
#include "directory.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

#include <algorithm>

namespace samlt::idp::mutators {

core::Result<void> claim_email_missing(Target& target) {
  auto& attributes = target.spec.attributes;
  auto removed = std::remove_if(attributes.begin(), attributes.end(), [](const AttributeSpec& a) {
    return a.name == core::names::claim_email;
  });
  attributes.erase(removed, attributes.end());
  if (target.spec.name_id_format != core::names::nameid_persistent) {
    // An opaque 43-character value in the shape of Entra's pairwise identifiers (§1.7).
    std::string audience = target.spec.audiences.empty() ? "" : target.spec.audiences.front();
    target.spec.name_id = pairwise_id(target.tenant_id, audience, target.spec.name_id, "");
    target.spec.name_id_format = std::string(core::names::nameid_persistent);
  }
  return {};
}

}  // namespace samlt::idp::mutators
