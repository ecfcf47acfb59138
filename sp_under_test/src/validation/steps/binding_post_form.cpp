// SPDX-License-Identifier: Apache-2.0
// binding.post_form
#include "samlt/core/binding.hpp"
#include "samlt/sp/relay_state.hpp"
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// The whole HTTP-POST binding check, and the only one: the server hands the request over as
// received. saml-profiles §4.1.2 and saml-bindings §3.5: the Response arrives by POST only
// (BIND-RESPONSE-VIA-REDIRECT), as an HTML form; a body that is not a urlencoded form carries no
// SAMLResponse field. The body is capped before anything is decoded (BIND-OVERSIZE). The fields
// are core's binding codec's: exactly one SAMLResponse, base64 and never DEFLATEd (§3.5.4), at
// most one RelayState, no look-alike names. RelayState must then be an allowed target (§3.5.3,
// attack-catalogue BIND-RELAYSTATE-*). POST-SimpleSign's SigAlg/Signature fields are not
// supported and stay ignored: they can never authenticate anything.
core::Result<void> binding_post_form(const Context& ctx, MessageEvidence& ev) {
  const AcsRequest& request = ctx.request;
  if (request.method != "POST") {
    return core::fail(core::Reason::binding_method_not_post, "the ACS received " + request.method);
  }
  if (!core::is_form_content_type(request.content_type)) {
    return core::fail(core::Reason::binding_saml_response_missing,
                      "Content-Type '" + request.content_type + "' is not a urlencoded form");
  }
  const core::BindingLimits limits = binding_limits(ctx.policy);
  // A body the server stopped keeping is known by its size only; the codec checks the rest.
  if (request.body_bytes > limits.max_input_bytes) {
    return core::fail(core::Reason::binding_too_large,
                      "the request body is " + std::to_string(request.body_bytes) +
                          " bytes; the limit is " + std::to_string(limits.max_input_bytes));
  }
  auto message = core::decode_post(request.body, core::Accepts::saml_response, limits);
  if (!message) {
    return core::fail(message.error());
  }
  auto target =
      check_relay_state(message->relay_state().value_or(""), ctx.relay_state_rules, ctx.base_url);
  if (!target) {
    return core::fail(target.error());
  }
  ev.relay_state = std::move(*target);
  ev.message = std::move(*message);
  return {};
}

}  // namespace samlt::sp::steps
