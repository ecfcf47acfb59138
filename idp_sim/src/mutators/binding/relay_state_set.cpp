// SPDX-License-Identifier: Apache-2.0
// relay_state.set — the RelayState form field is replaced (or added) after the IdP built the
// form: HTTP-POST does not sign it (saml-bindings §3.5.3), so anyone relaying the form can. An SP
// that redirects to RelayState unchecked is an open redirect (BIND-RELAYSTATE-REDIRECT); one that
// writes it into a page unescaped reflects script (BIND-RELAYSTATE-XSS). §3.4.3: RelayState MUST
// NOT exceed 80 bytes. Params: value (default https://attacker.test/), length (optional: the value
// repeated to exactly this many bytes).
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> relay_state_set(Target& target) {
  auto value = string_param(target, "value");
  auto length = int_param(target, "length", 0, 1);
  if (!value || !length) {
    return core::fail(value ? length.error() : value.error());
  }
  std::string relay_state = value->value_or("https://attacker.test/");
  if (*length > 16 * 1024 * 1024) {
    return core::fail(core::Reason::mutator_params_invalid, "/length: at most 16 MiB");
  }
  if (*length > 0) {
    std::string repeated;
    while (repeated.size() < static_cast<std::size_t>(*length)) {
      repeated += relay_state;
    }
    repeated.resize(static_cast<std::size_t>(*length));
    relay_state = std::move(repeated);
  }
  if (core::FormField* field = form_field(target, "RelayState")) {
    field->second = std::move(relay_state);
  } else {
    target.form->emplace_back("RelayState", std::move(relay_state));
  }
  return {};
}

}  // namespace samlt::idp::mutators
