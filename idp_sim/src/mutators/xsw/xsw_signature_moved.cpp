// SPDX-License-Identifier: Apache-2.0
// xsw.signature_moved — a valid Signature moved to a place the schema does not give it (ruby-saml
// invalid_signature_position, response_invalid_signed_element; XSW-SIG-MISPLACED): its position
// is not part of what it signs, so it still verifies. A verifier that finds "a Signature
// somewhere" and trusts it accepts a message whose signature is not enveloped where saml-core
// §5.4.1 and the schema (§3.2.2, §2.3.3: right after Issuer) put it.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: signature (response | assertion: which one moves), to (into_status, after_status,
// after_assertion: places in the Response; after_subject: in the Assertion).
core::Result<void> xsw_signature_moved(Target& target) {
  namespace n = core::names;
  auto which = xsw::choice_param(target, "signature", "response|assertion", "response");
  auto to = which ? xsw::choice_param(target, "to", "into_status|after_status|after_assertion|after_subject",
                                      *which == "response" ? "into_status" : "after_subject")
                  : which;
  if (!to) {
    return core::fail(to.error());
  }
  xmlNode* response = xsw::response(target);
  xmlNode* assertion = xsw::first_assertion(target);
  xmlNode* signed_element = *which == "response" ? response : assertion;
  xmlNode* signature = signed_element ? xsw::signature_of(signed_element) : nullptr;
  if (signature == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + *which + " carries no Signature");
  }
  xmlNode* anchor = nullptr;  // the new place: after this element (into Status: its last child)
  if (*to == "into_status" || *to == "after_status") {
    anchor = core::child_named(response, n::ns_protocol, "Status");
  } else if (*to == "after_assertion") {
    anchor = assertion;
  } else {
    anchor = assertion ? core::child_named(assertion, n::ns_assertion, "Subject") : nullptr;
  }
  if (anchor == nullptr || (*to == "after_subject") != (*which == "assertion")) {
    return core::fail(core::Reason::mutator_not_applicable, "no place '" + *to + "' for the " + *which + " Signature");
  }
  xmlUnlinkNode(signature);
  *to == "into_status" ? xsw::append_child(anchor, signature) : static_cast<void>(xmlAddNextSibling(anchor, signature));
  return {};
}

}  // namespace samlt::idp::mutators
