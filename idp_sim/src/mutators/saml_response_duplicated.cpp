// SPDX-License-Identifier: Apache-2.0
// saml_response.duplicated — the form carries SAMLResponse twice; frameworks disagree on which one
// they read (parameter pollution). saml-bindings §3.5.4: one SAMLResponse; a strict SP refuses two.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> saml_response_duplicated(Target& target) {
  for (auto it = target.form->begin(); it != target.form->end(); ++it) {
    if (it->first == "SAMLResponse") {
      core::FormField copy = *it;
      target.form->insert(it + 1, std::move(copy));
      return {};
    }
  }
  return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
}

}  // namespace samlt::idp::mutators
