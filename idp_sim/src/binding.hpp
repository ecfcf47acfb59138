// SPDX-License-Identifier: Apache-2.0
// Decoding what reaches the SAML endpoint: HTTP-Redirect (saml-bindings §3.4: raw DEFLATE, base64,
// URL encoding, query-string signature) and HTTP-POST (§3.5: base64 form field).
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/idp_config.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace samlt::idp {

enum class Binding { redirect, post };

struct ReceivedMessage {
  Binding binding = Binding::redirect;
  std::string parameter;  // "SAMLRequest" or "SAMLResponse"
  std::string xml;        // the decoded message
  std::optional<std::string> relay_state;
  std::optional<std::string> login_hint;  // entra-spec §3.1: pre-fills the account
  // Redirect only (§3.4.4.1): the signed octets rebuilt from the raw, still URL-encoded values
  // "SAMLRequest=…[&RelayState=…]&SigAlg=…", and the decoded SigAlg and Signature.
  std::string signed_octets;
  std::optional<std::string> sig_alg;
  std::optional<std::string> signature;
};

// Decodes the raw query string of a GET on the SAML endpoint. Fails with
// idp.request_too_large (90015), authn_request.missing (750054) or authn_request.undecodable
// (75005).
core::Result<ReceivedMessage> decode_redirect(std::string_view raw_query, const Limits& limits);

// Decodes a POSTed form body. Fails like decode_redirect.
core::Result<ReceivedMessage> decode_post(std::string_view body, std::string_view raw_query,
                                          const Limits& limits);

// Parses the decoded XML strictly. Fails with authn_request.malformed (75005).
core::Result<core::XmlDoc> parse_message(const ReceivedMessage& message, const Limits& limits);

}  // namespace samlt::idp
