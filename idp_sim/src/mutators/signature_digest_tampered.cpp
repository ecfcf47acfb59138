// SPDX-License-Identifier: Apache-2.0
// signature.digest_tampered — the attacker edits a signed Assertion (here the NameID) without the
// key; an SP that checks only SignatureValue over SignedInfo, or skips the Reference digest,
// accepts it. xmldsig-core §3.2.1 (reference validation); saml-core §5.4.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> signature_digest_tampered(Target& target) {
  namespace n = core::names;
  xmlNode* name_id = nullptr;
  for (xmlNode* node : core::descendants_named(target.doc->root(), n::ns_assertion, "NameID")) {
    name_id = node;
  }
  if (name_id == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no NameID to change");
  }
  auto victim = string_param(target, "name_id");
  if (!victim) {
    return core::fail(victim.error());
  }
  core::set_text(name_id, victim->value_or("admin@contoso.example"));
  return {};
}

}  // namespace samlt::idp::mutators
