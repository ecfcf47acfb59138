// SPDX-License-Identifier: Apache-2.0
// §13 Bindings and RelayState: this section's mutators, one row each (registry.cpp joins the tables).
// saml_response.duplicated and saml_response.base64_corrupted (registry.cpp) belong here too.
#include "mutators/binding/binding.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> binding_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"binding.body_oversized", Stage::serialized, Reason::binding_too_large,
       "a samlp:Extensions padding the POST body to about size_mb MiB (default 5); the Assertion "
       "signature still verifies",
       &binding_body_oversized, 13, Capability::no_key, R"({"signing":"assertion"})"},
      {"binding.inflate_bomb", Stage::wire, Reason::xml_malformed,
       "the SAMLResponse value is a ~100 KB raw DEFLATE stream inflating to inflated_mb MiB "
       "(default 100); a POST value is never inflated, so it is not XML",
       &binding_inflate_bomb, 13, Capability::no_key, R"({"signing":"assertion"})"},
      {"binding.parameter_confused", Stage::wire, Reason::binding_parameter_invalid,
       "a look-alike SAMLResponse field carrying the message unsigned (param form: leading_space, "
       "nul_in_name, brackets, other_case; duplicate_relay_state)",
       &binding_parameter_confused, 13, Capability::no_key, R"({"signing":"assertion"})"},
      {"binding.simple_sign_fields", Stage::wire, Reason::assertion_unsigned,
       "POST-SimpleSign SigAlg/Signature fields (param form: fields_on_unsigned, key_info_field, "
       "boundary_shift, nul_suffix)",
       &binding_simple_sign_fields, 13, Capability::no_key, R"({"signing":"assertion"})"},
      {"relay_state.set", Stage::wire, Reason::binding_relay_state_invalid,
       "the RelayState field replaced after the IdP built the form (param value, default "
       "https://attacker.test/; length)",
       &relay_state_set, 13, Capability::no_key, R"({"signing":"assertion"})"},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
