// SPDX-License-Identifier: Apache-2.0
// saml_response.base64_corrupted — a proxy or a hand-edited form breaks the encoding; an SP whose
// decoder silently skips bad characters may parse garbage. saml-bindings §3.5.4: the SAMLResponse
// value is base64; anything else must be refused before XML parsing.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> saml_response_base64_corrupted(Target& target) {
  for (auto& [name, value] : *target.form) {
    if (name == "SAMLResponse") {
      value.insert(value.size() / 2, "*%*");
      return {};
    }
  }
  return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
}

}  // namespace samlt::idp::mutators
