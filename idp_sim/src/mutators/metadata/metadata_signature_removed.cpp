// SPDX-License-Identifier: Apache-2.0
// metadata.signature_removed — the IdP's metadata served without its signature (attack-catalogue
// MD-UNSIGNED): whoever answers the metadata URL (plain http by default) could then swap the
// IdP's keys. SAML2int IIP-MD03 and saml-metadata §3 (signature over the root): a consumer that
// refreshes trusted metadata must require a signature by a key it already trusts.
#include "mutators/metadata/metadata.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_signature_removed(Target& target) {
  xmlNode* signature = core::child_named(target.doc->root(), core::names::ns_dsig, "Signature");
  if (signature == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the metadata root carries no Signature");
  }
  core::remove_node(signature);
  return {};
}

}  // namespace samlt::idp::mutators
