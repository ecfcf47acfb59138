// SPDX-License-Identifier: Apache-2.0
// signature.removed — Signature elements stripped from an otherwise signed response
// (attack-catalogue SIG-NONE, SIG-STRIP-ASSERT, SIG-STRIP-RESP): an SP that verifies "if present"
// accepts it. saml-profiles §4.1.4.3: the assertion must be signed; which signatures an SP
// requires beyond that is its policy (§4.1.4.5, SAML2int IIP-SSO04).
#include "mutators/mutators.hpp"
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: which (all: every Signature | response: the Response's own | assertion: the Assertion's).
core::Result<void> signature_removed(Target& target) {
  auto which = xsw::choice_param(target, "which", "all|response|assertion", "all");
  if (!which) {
    return core::fail(which.error());
  }
  std::vector<xmlNode*> signatures;
  if (*which == "all") {
    signatures = core::descendants_named(target.doc->root(), core::names::ns_dsig, "Signature");
  } else if (xmlNode* element = *which == "response" ? xsw::response(target) : xsw::first_assertion(target)) {
    if (xmlNode* signature = xsw::signature_of(element)) {
      signatures.push_back(signature);
    }
  }
  if (signatures.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "no Signature to remove");
  }
  for (xmlNode* signature : signatures) {
    core::remove_node(signature);
  }
  return {};
}

}  // namespace samlt::idp::mutators
