// SPDX-License-Identifier: Apache-2.0
// SP-initiated single logout (entra-spec §4): the LogoutRequest checks of §4.2 and the signed
// HTTP-Redirect LogoutResponse of §4.3.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"

#include <optional>
#include <string>

namespace samlt::idp {

struct LogoutResult {
  const App* app = nullptr;
  std::string request_id;
  std::string response_xml;             // the LogoutResponse
  std::optional<std::string> redirect;  // Logout URL + query; nullopt: no Logout URL registered
};

// Checks a decoded LogoutRequest: Redirect binding only (75005 otherwise, I6), ID (7500529),
// Version and IssueInstant (75005), Issuer → app (700016), NameID present (7500530; its value is
// not considered, D2). Then builds the LogoutResponse (Issuer https://login.microsoftonline.com/
// {tid}/, InResponseTo, Status Success) and, when the app has a Logout URL, the Redirect URL:
// SAMLResponse, RelayState, and — knob slo_sign_response — SigAlg and Signature over the query
// octets, percent-encoded in lower case by default (I16).
core::Result<LogoutResult> handle_logout_request(const Idp& idp, const core::XmlDoc& doc,
                                                 const core::BindingMessage& message,
                                                 core::TimePoint t0);

}  // namespace samlt::idp
