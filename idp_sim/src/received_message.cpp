// SPDX-License-Identifier: Apache-2.0
#include "received_message.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/idp/aadsts.hpp"

#include <limits>

namespace samlt::idp {
namespace {

using core::Reason;

// Entra enforces no RelayState length of its own (saml-bindings §3.4.3's 80 bytes bind the
// sender), so only the request size bounds it.
core::BindingLimits binding_limits(std::size_t max_request_bytes, const Limits& limits) {
  return {max_request_bytes, max_request_bytes, limits.max_inflated_bytes, max_request_bytes};
}

// The codec's reason, as the AADSTS code Entra shows for it.
tl::unexpected<core::Error> refused(const core::Error& error) {
  std::string diagnostic = std::string(core::id(error.reason)) + ": " + error.detail;
  switch (error.reason) {
    case Reason::binding_too_large:
      return aadsts_fail(Reason::idp_request_too_large, {.diagnostic = std::move(diagnostic)});
    case Reason::binding_message_missing:
      return aadsts_fail(Reason::authn_request_missing, {.diagnostic = std::move(diagnostic)});
    default:
      return aadsts_fail(Reason::authn_request_undecodable, {.diagnostic = std::move(diagnostic)});
  }
}

std::optional<std::string> first(const core::FormFields& fields, std::string_view name) {
  auto values = core::form_values(fields, name);
  return values.empty() ? std::nullopt : std::optional<std::string>(values.front());
}

}  // namespace

core::Result<ReceivedMessage> receive_redirect(std::string_view raw_query, const Limits& limits) {
  auto message = core::decode_redirect(raw_query, core::Accepts::either,
                                       binding_limits(limits.max_uri_bytes, limits));
  if (!message) {
    return refused(message.error());
  }
  return receive_decoded(std::move(*message));
}

core::Result<ReceivedMessage> receive_post(std::string_view body, std::string_view raw_query,
                                           const Limits& limits) {
  auto message =
      core::decode_post(body, core::Accepts::either, binding_limits(limits.max_body_bytes, limits));
  if (!message) {
    return refused(message.error());
  }
  ReceivedMessage received = receive_decoded(std::move(*message));
  if (auto query = core::parse_form(raw_query); query && !received.login_hint) {
    received.login_hint = first(*query, "login_hint");
  }
  return received;
}

ReceivedMessage receive_decoded(core::BindingMessage message) {
  auto login_hint = first(message.other_fields(), "login_hint");
  return ReceivedMessage{std::move(message), std::move(login_hint)};
}

core::Result<ReceivedMessage> receive_post_xml(std::string_view xml,
                                               const std::optional<std::string>& relay_state,
                                               const Limits& limits) {
  auto form =
      core::encode_form(core::encode_post(core::MessageParameter::saml_request, xml, relay_state));
  constexpr std::size_t k_unbounded = std::numeric_limits<std::size_t>::max();
  auto message =
      core::decode_post(form, core::Accepts::either,
                        {k_unbounded, k_unbounded, limits.max_inflated_bytes, k_unbounded});
  if (!message) {
    return refused(message.error());
  }
  return receive_decoded(std::move(*message));
}

core::Result<core::XmlDoc> parse_message(const core::BindingMessage& message,
                                         const Limits& limits) {
  core::ParseLimits parse_limits;
  parse_limits.max_bytes = limits.max_inflated_bytes;
  auto doc = core::parse_strict(message.xml(), parse_limits);
  if (!doc) {
    return aadsts_fail(
        Reason::authn_request_malformed,
        {.diagnostic = std::string(core::id(doc.error().reason)) + ": " + doc.error().detail});
  }
  return doc;
}

}  // namespace samlt::idp
