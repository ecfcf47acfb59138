// SPDX-License-Identifier: Apache-2.0
// Entra's AuthnRequest checks (entra-spec §3.2, §3.4) on a request that reached idp_sim some other
// way than its SAML endpoint: one found in a customer's capture, being diagnosed. The checks are
// the sign-in flow's own (accept_authn_request), in its order, so the AADSTS code named here is the
// one the server would show.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/idp/aadsts.hpp"
#include "samlt/idp/idp.hpp"

#include <optional>
#include <string>

namespace samlt::idp {

struct AuthnRequestVerdict {
  std::optional<AadstsError> refusal;  // nullopt: Entra would go on to sign the user in
  std::string internal_error;          // a failure that is no AADSTS refusal (not expected)
  // Once the Issuer named an app:
  std::string app_id;
  std::string app_name;
  std::string acs_url;   // where the Response would be posted (accepted requests)
  std::string audience;  // the Audience it would carry (accepted requests)
};

// The SAML endpoint a request is judged against (the Destination check, a knob):
// `https://login.microsoftonline.com/{tid}/saml2`, or the configured public_base_url's.
std::string saml_endpoint_url(const Idp& idp);

// `message` as Entra judges it at `at`: decoded XML parsed strictly, then accept_authn_request.
AuthnRequestVerdict check_authn_request(const Idp& idp, const core::BindingMessage& message, core::TimePoint at);

}  // namespace samlt::idp
