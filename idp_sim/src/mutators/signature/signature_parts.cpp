// SPDX-License-Identifier: Apache-2.0
// The helpers of the §2 mutators: which Signature a parameter names, and its parts.
#include "mutators/signature/signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators::sig {

core::Result<xmlNode*> chosen_signature(const Target& target) {
  auto which = xsw::choice_param(target, "target", "assertion|response", "assertion");
  if (!which) {
    return core::fail(which.error());
  }
  xmlNode* element = *which == "response" ? xsw::response(target) : xsw::first_assertion(target);
  xmlNode* signature = element ? xsw::signature_of(element) : nullptr;
  if (signature == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + *which + " carries no Signature");
  }
  return signature;
}

xmlNode* part(const xmlNode* signature, std::string_view local) {
  auto found = core::descendants_named(signature, core::names::ns_dsig, local);
  return found.empty() ? nullptr : found.front();
}

}  // namespace samlt::idp::mutators::sig
