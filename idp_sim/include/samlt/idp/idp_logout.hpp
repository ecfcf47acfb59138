// SPDX-License-Identifier: Apache-2.0
// An IdP-initiated LogoutRequest (saml-core §3.7.1, saml-profiles §4.4) to an SP's
// SingleLogoutService over HTTP-Redirect: the signed Redirect message the attack catalogue's §13
// cases edit (docs/attack-catalogue.md, BIND-REDIRECT-*, BIND-RELAYSTATE-TAMPER). Entra answers
// an SP's LogoutRequest but does not front-channel one to other SAML apps (entra-spec §4), so
// this is the harness playing a standard IdP, encoded the way Entra encodes Redirect messages.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"

#include <optional>
#include <string>

namespace samlt::idp {

struct IdpLogoutRequest {
  std::string slo_url;  // the SP's SingleLogoutService (HTTP-Redirect): Destination and endpoint
  std::string name_id;  // as issued in the sign-in it ends
  std::string name_id_format;
  std::string session_index;  // empty: no SessionIndex (every session of the NameID)
  std::optional<std::string> relay_state;
  // Percent-escape case of the signed query: Entra's lower case (I16) unless told otherwise.
  std::optional<core::HexCase> hex_case;
};

struct IdpLogoutMessage {
  std::string request_id;
  std::string xml;
  std::string query;  // SAMLRequest=…[&RelayState=…]&SigAlg=…&Signature=…, signed over these octets
};

// Builds and signs the LogoutRequest with `app`'s signing certificate (rsa-sha256, or rsa-sha1 when
// the app signs with SHA-1; saml-profiles §4.4.4.1: a Redirect LogoutRequest MUST be signed).
// Issuer is the IdP's entityID. Fails with idp.signing_key_missing, internal.error.
core::Result<IdpLogoutMessage> idp_logout_request(const Idp& idp, const App& app, const IdpLogoutRequest& request,
                                                  core::TimePoint t0);

}  // namespace samlt::idp
