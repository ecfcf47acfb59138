// SPDX-License-Identifier: Apache-2.0
// redirect.relay_state_changed — RelayState edited after the IdP signed the Redirect message
// (BIND-RELAYSTATE-TAMPER). saml-bindings §3.4.4.1: RelayState is part of the signed octet
// string, so the query signature no longer verifies. Param form: changed (default; the value
// replaced by `value`, default /elsewhere), added (a RelayState where the IdP sent none), removed.
#include "mutators/binding/binding.hpp"
#include "mutators/mutators.hpp"

#include <algorithm>

namespace samlt::idp::mutators {

core::Result<void> redirect_relay_state_changed(Target& target) {
  auto form = choice_param(target, "form", {"changed", "added", "removed"}, "changed");
  auto value = string_param(target, "value");
  if (!form || !value) {
    return core::fail(form ? value.error() : form.error());
  }
  std::string encoded = core::url_encode(value->value_or("/elsewhere"));
  auto& params = *target.form;
  if (params.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "an empty query");
  }
  auto relay_state = std::find_if(params.begin(), params.end(),
                                  [](const core::FormField& p) { return p.first == "RelayState"; });
  if (*form == "added") {
    if (relay_state != params.end()) {
      return core::fail(core::Reason::mutator_not_applicable, "the message already carries a RelayState");
    }
    params.insert(params.begin() + 1, core::FormField{"RelayState", std::move(encoded)});  // after the message
    return {};
  }
  if (relay_state == params.end()) {
    return core::fail(core::Reason::mutator_not_applicable, "the message carries no RelayState");
  }
  if (*form == "removed") {
    params.erase(relay_state);
  } else {
    relay_state->second = std::move(encoded);
  }
  return {};
}

}  // namespace samlt::idp::mutators
