// SPDX-License-Identifier: Apache-2.0
// The helpers §3's mutators share.
#include "mutators/keys/keys.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators::keys {
namespace {

constexpr std::string_view k_claim_email = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
constexpr std::string_view k_claim_name = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

}  // namespace

core::Result<void> victim_into_spec(Target& target, std::string_view fallback) {
  auto victim = string_param(target, "victim");
  if (!victim) {
    return core::fail(victim.error());
  }
  std::string who = victim->value_or(std::string(fallback));
  if (who.empty()) {
    return {};
  }
  target.spec.name_id = who;
  for (auto& attribute : target.spec.attributes) {
    if (attribute.name == k_claim_email || attribute.name == k_claim_name) {
      attribute.values = {who};
    }
  }
  return {};
}

void write_victim(xmlNode* subtree, std::string_view victim) {
  namespace n = core::names;
  for (xmlNode* name_id : core::descendants_named(subtree, n::ns_assertion, "NameID")) {
    core::set_text(name_id, victim);
  }
  for (xmlNode* attribute : core::descendants_named(subtree, n::ns_assertion, "Attribute")) {
    std::string name = core::attribute(attribute, "Name").value_or("");
    if (name == k_claim_email || name == k_claim_name) {
      for (xmlNode* value : core::children_named(attribute, n::ns_assertion, "AttributeValue")) {
        core::set_text(value, victim);
      }
    }
  }
}

std::string canary(const Target& target, std::string_view suffix) {
  std::string base = target.canary_url.empty() ? "http://127.0.0.1:9/canary" : std::string(target.canary_url);
  return base + std::string(suffix);
}

}  // namespace samlt::idp::mutators::keys
