// SPDX-License-Identifier: Apache-2.0
// attribute.set — one attribute of one element set to a given value (added when absent), then
// signed. The default is DEST-EMPTY: Response/@Destination="" (saml-core §3.2.2: when present it
// names the recipient, and an empty one names none). Also ISS-FORMAT (Issuer/@Format other than
// entity, saml-profiles §4.1.4.2), NAMEID-SPNQ (NameID/@SPNameQualifier of another SP, saml-core
// §2.2.2), SC-NO-BEARER and SC-METHOD-MISSING (SubjectConfirmation/@Method, §4.1.4.2) and
// SC-ADDRESS (SubjectConfirmationData/@Address, saml-profiles §4.1.4.3).
#include "mutators/audience/audience.hpp"
#include "mutators/locate.hpp"

namespace samlt::idp::mutators {

core::Result<void> attribute_set(Target& target) {
  auto location = text_param(target, "element", "response");
  auto name = text_param(target, "attribute", "Destination");
  auto value = text_param(target, "value", "");
  if (!location || !name || !value) {
    return core::fail(!location ? location.error() : !name ? name.error() : value.error());
  }
  if (name->empty() || name->find_first_of(" :=<>\"'") != std::string::npos) {
    return core::fail(core::Reason::mutator_params_invalid, "/attribute: expected an unqualified attribute name");
  }
  auto element = locate(target, *location);
  if (!element) {
    return core::fail(element.error());
  }
  core::set_attribute(*element, *name, *value);
  return {};
}

}  // namespace samlt::idp::mutators
