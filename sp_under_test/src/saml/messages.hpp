// SPDX-License-Identifier: Apache-2.0
// The protocol messages this SP sends (saml-core §3.4.1 AuthnRequest, §3.7.1 LogoutRequest,
// §3.7.2 LogoutResponse), as compact XML ready for the Redirect binding.
#pragma once

#include "samlt/core/clock.hpp"

#include <string>

namespace samlt::sp::messages {

struct AuthnRequestFields {
  std::string id;
  core::TimePoint issue_instant;
  std::string destination;  // the IdP's SSO URL
  std::string acs_url;
  std::string issuer;       // this SP's entity ID: Entra resolves the app from it (entra-spec §3.2)
  std::string name_id_format;  // empty: no NameIDPolicy
};
std::string authn_request(const AuthnRequestFields& fields);

struct LogoutRequestFields {
  std::string id;
  core::TimePoint issue_instant;
  std::string destination;
  std::string issuer;
  std::string name_id;  // required by Entra (AADSTS7500530 otherwise)
  std::string name_id_format;
  std::string session_index;
};
std::string logout_request(const LogoutRequestFields& fields);

struct LogoutResponseFields {
  std::string id;
  core::TimePoint issue_instant;
  std::string destination;
  std::string issuer;
  std::string in_response_to;
  std::string status;  // a status URI
};
std::string logout_response(const LogoutResponseFields& fields);

}  // namespace samlt::sp::messages
