// SPDX-License-Identifier: Apache-2.0
// element.emptied — one element's content removed (children, text, comments) and replaced by
// param text (default none, written as <Audience/>), optionally with its attributes, then signed.
// The default is AUD-EMPTY (an empty Audience names no SP, saml-core §2.5.1.4); also NAMEID-EMPTY
// (saml-core §2.2.3 leaves no identifier), SC-NO-SCD (<SubjectConfirmationData/>, attributes
// removed: no Recipient, NotOnOrAfter or InResponseTo, saml-profiles §4.1.4.2) and
// AUTHN-CONTEXT-DOWNGRADE (AuthnContextClassRef rewritten to a weaker class).
#include "mutators/audience/audience.hpp"
#include "mutators/locate.hpp"

namespace samlt::idp::mutators {

core::Result<void> element_emptied(Target& target) {
  auto location = text_param(target, "element", "audience");
  auto text = text_param(target, "text", "");
  auto attributes = text_param(target, "attributes", "kept");
  if (!location || !text || !attributes) {
    return core::fail(!location ? location.error() : !text ? text.error() : attributes.error());
  }
  if (*attributes != "kept" && *attributes != "removed") {
    return core::fail(core::Reason::mutator_params_invalid, "/attributes: expected kept or removed");
  }
  auto element = locate(target, *location);
  if (!element) {
    return core::fail(element.error());
  }
  while ((*element)->children != nullptr) {
    core::remove_node((*element)->children);
  }
  if (*attributes == "removed") {
    while ((*element)->properties != nullptr) {
      xmlRemoveProp((*element)->properties);  // namespace declarations (nsDef) stay
    }
  }
  if (!text->empty()) {
    xmlNodeAddContentLen(*element, BAD_CAST text->data(), static_cast<int>(text->size()));
  }
  return {};
}

}  // namespace samlt::idp::mutators
