// SPDX-License-Identifier: Apache-2.0
// What this section's mutators share: the victim the forged copies name (attack-catalogue §0.1),
// and a boolean parameter.
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<std::string> victim_of(const Target& target) {
  auto victim = string_param(target, "victim");
  if (!victim) {
    return core::fail(victim.error());
  }
  return victim->value_or(std::string(k_victim));
}

void write_victim(xmlNode* assertion, std::string_view victim) {
  namespace n = core::names;
  for (xmlNode* name_id : core::descendants_named(assertion, n::ns_assertion, "NameID")) {
    core::set_text(name_id, victim);
  }
  for (xmlNode* attribute : core::descendants_named(assertion, n::ns_assertion, "Attribute")) {
    if (core::attribute(attribute, "Name") == n::claim_email) {
      for (xmlNode* value : core::children_named(attribute, n::ns_assertion, "AttributeValue")) {
        core::set_text(value, victim);
      }
    }
  }
}

}  // namespace samlt::idp::mutators
