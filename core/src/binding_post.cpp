// SPDX-License-Identifier: Apache-2.0
// The HTTP-POST binding (saml-bindings §3.5.4): the message is the base64 of the XML in one form
// field, never DEFLATEd, with an optional RelayState field.
#include "samlt/core/binding.hpp"

#include "binding_internal.hpp"

namespace samlt::core {

using namespace binding_internal;

Result<BindingMessage> decode_post(std::string_view form_body, Accepts accepts,
                                   const BindingLimits& limits) {
  auto scanned = scan(form_body, Binding::post, limits);
  if (!scanned) {
    return fail(scanned.error());
  }
  auto common = decode_common(*scanned, accepts, limits);
  if (!common) {
    return fail(common.error());
  }
  BindingMessage message;
  message.m_binding = Binding::post;
  message.m_parameter = common->parameter;
  message.m_xml = std::move(common->decoded);
  message.m_relay_state = std::move(common->relay_state);
  // SigAlg/Signature/KeyInfo of POST-SimpleSign (§3.6) stay ordinary fields: this codec does not
  // implement SimpleSign, so they can never authenticate anything.
  message.m_other_fields = std::move(scanned->others);
  return message;
}

FormFields encode_post(MessageParameter parameter, std::string_view xml,
                       std::optional<std::string_view> relay_state) {
  FormFields fields;
  fields.emplace_back(std::string(parameter_name(parameter)), base64_encode(xml));
  if (relay_state) {
    fields.emplace_back("RelayState", std::string(*relay_state));
  }
  return fields;
}

}  // namespace samlt::core
