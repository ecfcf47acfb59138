// SPDX-License-Identifier: Apache-2.0
// binding.post_form
#include "samlt/sp/relay_state.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-bindings §3.5.4: the form carries exactly one SAMLResponse, base64-encoded and never
// DEFLATEd. The size is capped before decoding (BIND-OVERSIZE). RelayState must be an allowed
// target (§3.5.3, attack-catalogue BIND-RELAYSTATE-*). Signature/SigAlg/KeyInfo fields of
// POST-SimpleSign are not supported and are ignored: they can never authenticate anything.
core::Result<void> binding_post_form(const Context& ctx, Evidence& ev) {
  auto responses = core::form_values(ctx.form, "SAMLResponse");
  if (responses.empty() || (responses.size() == 1 && read::is_blank(responses[0]))) {
    return core::fail(core::Reason::binding_saml_response_missing,
                      responses.empty() ? "no SAMLResponse field" : "the SAMLResponse field is empty");
  }
  if (responses.size() > 1) {
    return core::fail(core::Reason::binding_saml_response_duplicated,
                      std::to_string(responses.size()) + " SAMLResponse fields");
  }
  if (responses[0].size() > max_encoded_message_bytes(ctx.policy)) {
    return core::fail(core::Reason::binding_too_large,
                      "SAMLResponse is " + std::to_string(responses[0].size()) + " bytes; the limit is " +
                          std::to_string(max_encoded_message_bytes(ctx.policy)));
  }
  auto decoded = core::base64_decode(responses[0]);
  if (!decoded) {
    return core::fail(core::Reason::binding_base64_invalid, decoded.error().detail);
  }
  auto relay_states = core::form_values(ctx.form, "RelayState");
  if (relay_states.size() > 1) {
    return core::fail(core::Reason::binding_relay_state_invalid, "RelayState appears more than once");
  }
  auto target = check_relay_state(relay_states.empty() ? std::string_view() : relay_states[0],
                                  ctx.relay_state_rules, ctx.base_url);
  if (!target) {
    return core::fail(target.error());
  }
  ev.xml = std::move(*decoded);
  ev.relay_state = std::move(*target);
  return {};
}

}  // namespace samlt::sp::steps
