// SPDX-License-Identifier: Apache-2.0
// signature.removed — every Signature element stripped from an otherwise signed response
// (attack-catalogue SIG-NONE): an SP that verifies "if present" accepts it. saml-profiles
// §4.1.4.3: the assertion must be signed.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> signature_removed(Target& target) {
  auto signatures = core::descendants_named(target.doc->root(), core::names::ns_dsig, "Signature");
  if (signatures.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "no Signature to remove");
  }
  for (xmlNode* signature : signatures) {
    core::remove_node(signature);
  }
  return {};
}

}  // namespace samlt::idp::mutators
