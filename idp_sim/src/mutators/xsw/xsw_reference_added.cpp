// SPDX-License-Identifier: Apache-2.0
// xsw.reference_added — [idp-key] a SignedInfo with two References, re-signed with the IdP's key
// (ruby-saml CVE-2016-5697; XSW-MULTI-REF): the Response Signature also names the Assertion, or
// the Assertion's also names the Response. A verifier that checks "some Reference covers the
// element" can be pointed at another element. saml-core §5.4.2: exactly one Reference, to the
// Signature's parent.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: signature (assertion: its Signature gains a Reference to the Response | response: its
// Signature gains a Reference to the Assertion).
core::Result<void> xsw_reference_added(Target& target) {
  namespace n = core::names;
  auto which = xsw::choice_param(target, "signature", "assertion|response", "assertion");
  if (!which) {
    return core::fail(which.error());
  }
  xmlNode* response = xsw::response(target);
  xmlNode* assertion = xsw::first_assertion(target);
  if (response == nullptr || assertion == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "needs a Response with an Assertion");
  }
  xmlNode* signature = xsw::signature_of(*which == "response" ? response : assertion);
  auto references = signature ? core::descendants_named(signature, n::ns_dsig, "Reference") : std::vector<xmlNode*>{};
  if (references.size() != 1) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + *which + " carries no single-Reference Signature");
  }
  xmlNode* other = *which == "response" ? assertion : response;
  xmlNode* added = xmlDocCopyNode(references[0], target.doc->get(), 1);
  core::set_attribute(added, "URI", "#" + core::attribute(other, "ID").value_or(""));
  xmlAddNextSibling(references[0], added);
  return xsw::resign(target, signature);
}

}  // namespace samlt::idp::mutators
