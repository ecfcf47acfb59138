// SPDX-License-Identifier: Apache-2.0
// What the diagnose tests share: a signed Entra-shaped Response, an AuthnRequest, and a HAR.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/core/xml.hpp"
#include "support/entra_response.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace samlt::test {

inline std::string entra_response_xml(const EntraResponseSpec& spec) {
  return core::serialize(build_entra_response(spec).doc);
}

// The AuthnRequest the reference SP sends (unsigned here; the diagnosis reads its ID, Issuer and
// ACS URL).
inline std::string authn_request_xml(const std::string& id, core::TimePoint at) {
  return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + id +
         "\" Version=\"2.0\" IssueInstant=\"" + core::format_datetime(at) + "\" Destination=\"" + k_idp_sso_url +
         "\" AssertionConsumerServiceURL=\"" + k_acs_url +
         "\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + k_sp_entity_id +
         "</saml:Issuer></samlp:AuthnRequest>";
}

inline std::string redirect_query(const std::string& xml) {
  return *core::encode_redirect(core::MessageParameter::saml_request, xml, std::string("rs-1"), nullptr);
}

inline nlohmann::json har_entry(core::TimePoint at, const std::string& method, const std::string& url) {
  return {{"startedDateTime", core::format_datetime(at)},
          {"request", {{"method", method}, {"url", url}, {"headers", nlohmann::json::array()}}},
          {"response", {{"status", 200}, {"headers", nlohmann::json::array()}, {"content", {{"text", ""}}}}}};
}

inline nlohmann::json har_of(const nlohmann::json& entries) {
  return {{"log", {{"version", "1.2"}, {"creator", {{"name", "test"}}}, {"entries", entries}}}};
}

}  // namespace samlt::test
