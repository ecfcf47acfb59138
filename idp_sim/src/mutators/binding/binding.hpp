// SPDX-License-Identifier: Apache-2.0
// §13 Bindings and RelayState: one apply function per mutator (one .cpp each), and the helpers
// they share for editing the form fields core's binding codec emitted (wire stage).
#pragma once

#include "samlt/idp/mutator.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> binding_body_oversized(Target& target);
core::Result<void> binding_inflate_bomb(Target& target);
core::Result<void> binding_parameter_confused(Target& target);
core::Result<void> binding_simple_sign_fields(Target& target);
core::Result<void> relay_state_set(Target& target);

// Redirect-message mutators (redirect_mutators.hpp): Target::form holds the query's raw parameters.
core::Result<void> redirect_parameter_confused(Target& target);
core::Result<void> redirect_signature_removed(Target& target);
core::Result<void> redirect_sig_alg_set(Target& target);
core::Result<void> redirect_relay_state_changed(Target& target);

// The first form field (or raw query parameter) named exactly `name`, or nullptr. REQUIRES the
// wire stage.
core::FormField* form_field(Target& target, std::string_view name);

// `base64_message` (a SAMLResponse value) with every ds:Signature removed from its XML, encoded
// again: what an attacker without a key makes of a message it may then edit freely. Fails with
// mutator.not_applicable when the value is not base64 of XML.
core::Result<std::string> without_signatures(std::string_view base64_message);

// The string parameter `name`, one of `choices`; `fallback` when absent, mutator.params_invalid
// when it is anything else.
core::Result<std::string> choice_param(const Target& target, std::string_view name,
                                       std::initializer_list<std::string_view> choices,
                                       std::string_view fallback);

}  // namespace samlt::idp::mutators
