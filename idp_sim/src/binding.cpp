// SPDX-License-Identifier: Apache-2.0
#include "binding.hpp"

#include "samlt/idp/aadsts.hpp"

#include <vector>

namespace samlt::idp {
namespace {

using core::Reason;

core::Error undecodable(std::string diagnostic) {
  return aadsts_fail(Reason::authn_request_undecodable, {.diagnostic = std::move(diagnostic)})
      .value();
}

// The raw (still URL-encoded) value of `name` in a query string, first occurrence.
std::optional<std::string> raw_value(std::string_view query, std::string_view name) {
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    std::string_view pair = query.substr(start, end == std::string_view::npos ? end : end - start);
    if (pair.substr(0, name.size()) == name && pair.size() > name.size() &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<std::string> single(const core::FormFields& fields, std::string_view name) {
  auto values = core::form_values(fields, name);
  return values.empty() ? std::nullopt : std::optional<std::string>(values.front());
}

core::Result<ReceivedMessage> pick_message(const core::FormFields& fields, Binding binding) {
  ReceivedMessage message;
  message.binding = binding;
  for (std::string_view name : {"SAMLRequest", "SAMLResponse"}) {
    auto values = core::form_values(fields, name);
    if (values.size() > 1) {
      return core::fail(undecodable(std::string(name) + " appears more than once"));
    }
    if (values.size() == 1) {
      message.parameter = std::string(name);
      message.xml = values.front();  // still base64 here
      break;
    }
  }
  if (message.parameter.empty()) {
    return aadsts_fail(Reason::authn_request_missing, {});
  }
  message.relay_state = single(fields, "RelayState");
  message.login_hint = single(fields, "login_hint");
  return message;
}

}  // namespace

core::Result<ReceivedMessage> decode_redirect(std::string_view raw_query, const Limits& limits) {
  if (raw_query.size() > limits.max_uri_bytes) {
    return aadsts_fail(
        Reason::idp_request_too_large,
        {.diagnostic = "query string of " + std::to_string(raw_query.size()) + " bytes"});
  }
  auto fields = core::parse_form(raw_query);
  if (!fields) {
    return core::fail(undecodable(fields.error().detail));
  }
  auto message = pick_message(*fields, Binding::redirect);
  if (!message) {
    return message;
  }
  auto deflated = core::base64_decode(message->xml);
  if (!deflated) {
    return core::fail(undecodable(message->parameter + ": " + deflated.error().detail));
  }
  auto xml = core::inflate_raw(*deflated, limits.max_inflated_bytes);
  if (!xml) {
    return core::fail(
        undecodable(message->parameter + ": " + std::string(core::id(xml.error().reason))));
  }
  message->xml = std::move(*xml);
  message->sig_alg = single(*fields, "SigAlg");
  message->signature = single(*fields, "Signature");
  // saml-bindings §3.4.4.1: sign/verify the values exactly as they appear in the URL.
  message->signed_octets =
      message->parameter + "=" + raw_value(raw_query, message->parameter).value_or("");
  if (auto relay = raw_value(raw_query, "RelayState")) {
    message->signed_octets += "&RelayState=" + *relay;
  }
  if (auto sig_alg = raw_value(raw_query, "SigAlg")) {
    message->signed_octets += "&SigAlg=" + *sig_alg;
  }
  return message;
}

core::Result<ReceivedMessage> decode_post(std::string_view body, std::string_view raw_query,
                                          const Limits& limits) {
  if (body.size() > limits.max_body_bytes) {
    return aadsts_fail(Reason::idp_request_too_large,
                       {.diagnostic = "body of " + std::to_string(body.size()) + " bytes"});
  }
  auto fields = core::parse_form(body);
  if (!fields) {
    return core::fail(undecodable(fields.error().detail));
  }
  auto message = pick_message(*fields, Binding::post);
  if (!message) {
    return message;
  }
  if (auto query = core::parse_form(raw_query); query && !message->login_hint) {
    message->login_hint = single(*query, "login_hint");
  }
  auto xml = core::base64_decode(message->xml);
  if (!xml) {
    return core::fail(undecodable(message->parameter + ": " + xml.error().detail));
  }
  message->xml = std::move(*xml);
  message->signature = single(*fields, "Signature");  // only to name a misplaced signature
  return message;
}

core::Result<core::XmlDoc> parse_message(const ReceivedMessage& message, const Limits& limits) {
  core::ParseLimits parse_limits;
  parse_limits.max_bytes = limits.max_inflated_bytes;
  auto doc = core::parse_strict(message.xml, parse_limits);
  if (!doc) {
    return aadsts_fail(
        Reason::authn_request_malformed,
        {.diagnostic = std::string(core::id(doc.error().reason)) + ": " + doc.error().detail});
  }
  return doc;
}

}  // namespace samlt::idp
