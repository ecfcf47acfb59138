// SPDX-License-Identifier: Apache-2.0
// Reading the SP's side of the bindings: the AuthnRequest it sends the browser to the IdP with.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/result.hpp"
#include "samlt/runner/browser.hpp"

#include <optional>
#include <string>

namespace samlt::runner {

struct OutgoingAuthnRequest {
  core::BindingMessage message;  // decoded once, by core's binding codec; the IdP gets this
  std::string idp_url;           // where the SP sent the browser
};

// The AuthnRequest in the SP's answer to the login URL: a redirect whose Location carries
// SAMLRequest (saml-bindings §3.4.4.1), or an HTML form posting SAMLRequest (§3.5.4), decoded as
// a browser would deliver it to the IdP. Fails with runner.sp_protocol when there is none, or when
// the binding codec refuses it (detail: the codec's reason id and what came back).
core::Result<OutgoingAuthnRequest> authn_request_from(const HttpResponse& response);

// SP-initiated sign-in: GETs the target's login_url (with `relay_state` when given), follows the
// SP's own redirects as a browser would (at most 5: /login -> /auth/saml -> IdP), and returns
// the AuthnRequest it then sends. Fails with runner.http_failed, or runner.sp_protocol when the
// target has no login_url or the SP sends no AuthnRequest.
core::Result<OutgoingAuthnRequest> request_sign_in(const Target& target, Browser& browser,
                                                   const std::optional<std::string>& relay_state);

// The value of the hidden input `name` in an HTML form, or nullopt.
std::optional<std::string> form_input(const std::string& html, const std::string& name);

}  // namespace samlt::runner
