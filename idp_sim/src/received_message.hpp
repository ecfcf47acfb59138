// SPDX-License-Identifier: Apache-2.0
// What reaches the SAML endpoint, decoded by core's binding codec (samlt/core/binding.hpp) and
// refused the way Entra refuses it: too large 90015, no message 750054, undecodable 75005.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/idp_config.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace samlt::idp {

struct ReceivedMessage {
  core::BindingMessage binding;           // SAMLRequest or SAMLResponse, decoded
  std::optional<std::string> login_hint;  // entra-spec §3.1: pre-fills the account
};

// The raw query string of a GET on the SAML endpoint (HTTP-Redirect). Fails with
// idp.request_too_large (90015), authn_request.missing (750054) or authn_request.undecodable
// (75005; the detail names the codec's reason).
core::Result<ReceivedMessage> receive_redirect(std::string_view raw_query, const Limits& limits);

// A POSTed form body; login_hint may also come from the query string. Fails like
// receive_redirect.
core::Result<ReceivedMessage> receive_post(std::string_view body, std::string_view raw_query,
                                           const Limits& limits);

// A message decoded elsewhere (the runner decodes the SP's answer once), with its login_hint.
ReceivedMessage receive_decoded(core::BindingMessage message);

// A SAMLRequest's XML handed over in process, as the HTTP-POST binding carries it (encoded and
// decoded by the codec). No HTTP request exists, so only parse_message's XML limit bounds it.
// Fails like receive_redirect.
core::Result<ReceivedMessage> receive_post_xml(std::string_view xml,
                                               const std::optional<std::string>& relay_state,
                                               const Limits& limits);

// Parses the decoded XML strictly. Fails with authn_request.malformed (75005).
core::Result<core::XmlDoc> parse_message(const core::BindingMessage& message, const Limits& limits);

}  // namespace samlt::idp
