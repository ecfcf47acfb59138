// SPDX-License-Identifier: Apache-2.0
// The HTTP-Redirect binding (saml-bindings §3.4.4.1): base64 of raw DEFLATE in the query string,
// and the query signature over the parameters exactly as they travel, never over a re-encoding.
#include "samlt/core/binding.hpp"

#include "binding_internal.hpp"
#include "samlt/core/query_signature.hpp"

namespace samlt::core {

using namespace binding_internal;

Result<BindingMessage> decode_redirect(std::string_view raw_query, Accepts accepts,
                                       const BindingLimits& limits) {
  auto scanned = scan(raw_query, Binding::redirect, limits);
  if (!scanned) {
    return fail(scanned.error());
  }
  const auto& raw = scanned->raw;
  if (raw[Index::sig_alg].has_value() != raw[Index::signature].has_value()) {
    return fail(Reason::binding_parameter_invalid, "SigAlg and Signature must come together");
  }
  auto common = decode_common(*scanned, accepts, limits);
  if (!common) {
    return fail(common.error());
  }
  auto xml = inflate_raw(common->decoded, limits.max_inflated_bytes);
  if (!xml) {
    return fail(xml.error());
  }
  BindingMessage message;
  message.m_binding = Binding::redirect;
  message.m_parameter = common->parameter;
  message.m_xml = std::move(*xml);
  message.m_relay_state = std::move(common->relay_state);
  // §3.4.4.1: the signed octets are the parameters as received, in this fixed order.
  message.m_signed_octets = std::string(parameter_name(common->parameter)) + "=";
  message.m_signed_octets += common->raw_value;
  if (raw[Index::relay_state]) {
    message.m_signed_octets += "&RelayState=";
    message.m_signed_octets += *raw[Index::relay_state];
  }
  if (raw[Index::sig_alg]) {
    message.m_signed_octets += "&SigAlg=";
    message.m_signed_octets += *raw[Index::sig_alg];
    auto uri = url_decode(*raw[Index::sig_alg]);
    auto text = url_decode(*raw[Index::signature]);
    if (!uri || !text) {
      return fail(uri ? text.error() : uri.error());
    }
    auto bytes = base64_decode(*text);
    if (!bytes) {
      return fail(Reason::binding_base64_invalid, "Signature: " + bytes.error().detail);
    }
    message.m_sig_alg = std::move(*uri);
    message.m_signature = std::move(*bytes);
  }
  message.m_other_fields = std::move(scanned->others);
  return message;
}

Result<std::string> encode_redirect(MessageParameter parameter, std::string_view xml,
                                    std::optional<std::string_view> relay_state,
                                    const RedirectSigner* signer, HexCase hex_case) {
  std::string query = std::string(parameter_name(parameter)) + "=" +
                      url_encode(base64_encode(deflate_raw(xml)), hex_case);
  if (relay_state) {
    query += "&RelayState=" + url_encode(*relay_state, hex_case);
  }
  if (signer == nullptr) {
    return query;
  }
  query += "&SigAlg=" + url_encode(signature_method_uri(signer->algorithm), hex_case);
  auto signed_bytes = sign_query_octets(signer->key, signer->algorithm, query);
  if (!signed_bytes) {
    return fail(signed_bytes.error());
  }
  query += "&Signature=" + url_encode(base64_encode(*signed_bytes), hex_case);
  return query;
}

bool redirect_signature_verifies(const BindingMessage& message, const Certificate& certificate,
                                 SignatureAlgorithm algorithm) {
  return message.binding() == Binding::redirect && message.signature() &&
         verify_query_octets(certificate, algorithm, message.signed_octets(), *message.signature());
}

}  // namespace samlt::core
