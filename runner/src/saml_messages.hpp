// SPDX-License-Identifier: Apache-2.0
// Reading the SP's side of the bindings: the AuthnRequest it sends the browser to the IdP with.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/runner/browser.hpp"

#include <optional>
#include <string>

namespace samlt::runner {

struct OutgoingAuthnRequest {
  std::string xml;                  // decoded
  std::optional<std::string> relay_state;
  std::string binding;              // "HTTP-Redirect" or "HTTP-POST"
  std::string idp_url;              // where the SP sent the browser
};

// The AuthnRequest in the SP's answer to the login URL: a redirect whose Location carries
// SAMLRequest (saml-bindings §3.4: base64 of raw DEFLATE), or an HTML form posting SAMLRequest
// (§3.5: base64). Fails with runner.sp_protocol when there is none (detail says what came back).
core::Result<OutgoingAuthnRequest> authn_request_from(const HttpResponse& response);

// The value of the hidden input `name` in an HTML form, or nullopt.
std::optional<std::string> form_input(const std::string& html, const std::string& name);

}  // namespace samlt::runner
