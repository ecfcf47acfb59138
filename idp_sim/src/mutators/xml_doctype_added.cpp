// SPDX-License-Identifier: Apache-2.0
// xml.doctype_added — a harmless-looking DOCTYPE before the Response (the carrier of XXE and
// billion-laughs payloads, attack-catalogue XML-DTD-BENIGN). SAML2int IIP-G03: refuse any DTD.
#include "mutators/mutators.hpp"
#include "samlt/core/codec.hpp"

namespace samlt::idp::mutators {

core::Result<void> xml_doctype_added(Target& target) {
  for (auto& [name, value] : *target.form) {
    if (name == "SAMLResponse") {
      auto xml = core::base64_decode(value);
      if (!xml) {
        return core::fail(core::Reason::mutator_not_applicable, "SAMLResponse is not base64");
      }
      value = core::base64_encode("<!DOCTYPE Response>" + *xml);
      return {};
    }
  }
  return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
}

}  // namespace samlt::idp::mutators
