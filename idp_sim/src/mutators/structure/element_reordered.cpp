// SPDX-License-Identifier: Apache-2.0
// element.reordered — children of the Response or the Assertion out of schema order before the
// IdP signs (attack-catalogue STRUCT-ORDER; pysaml2 CVE-2021-21238's fix validates the signed item
// against the schema, ruby-saml validate_structure). saml-core §3.2.2 (StatusResponseType: Issuer,
// Signature, Extensions, Status) and §2.3.3 (AssertionType: Issuer, Signature, Subject,
// Conditions, Advice, statements): an SP that looks children up by name alone takes any order,
// and with it the shapes wrapping attacks hide in.
#include "mutators/locate.hpp"
#include "mutators/mutators.hpp"
#include "mutators/structure/structure.hpp"

namespace samlt::idp::mutators {

// Params: order (status_before_issuer: the Response's Status moved before its Issuer |
// conditions_after_authn_statement: the Assertion's Conditions moved after its AuthnStatement;
// default status_before_issuer).
core::Result<void> element_reordered(Target& target) {
  auto order = text_param(target, "order", "status_before_issuer");
  if (!order) {
    return core::fail(order.error());
  }
  std::string moving;
  std::string anchor;
  bool before = true;
  if (*order == "status_before_issuer") {
    moving = "status";
    anchor = "response_issuer";
  } else if (*order == "conditions_after_authn_statement") {
    moving = "conditions";
    anchor = "authn_statement";
    before = false;
  } else {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/order: expected status_before_issuer or conditions_after_authn_statement");
  }
  auto moved = locate(target, moving);
  auto at = moved ? locate(target, anchor) : moved;
  if (!at) {
    return core::fail(at.error());
  }
  xmlUnlinkNode(*moved);
  if (before) {
    xmlAddPrevSibling(*at, *moved);
  } else {
    xmlAddNextSibling(*at, *moved);
  }
  return {};
}

}  // namespace samlt::idp::mutators
