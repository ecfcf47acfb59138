// SPDX-License-Identifier: Apache-2.0
// Shared inputs for the idp tests: a tenant configuration over the generated test certificate
// set, AuthnRequest builders for both bindings, and helpers to issue and parse Responses.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/idp/issue.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace samlt::test::idp {

inline constexpr const char* k_tenant = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
inline constexpr const char* k_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";
inline constexpr const char* k_restricted_app_id = "11112222-bbbb-3333-cccc-4444dddd5555";
inline constexpr const char* k_entity_id = "urn:samlt:sp:reference";
inline constexpr const char* k_acs = "http://127.0.0.1:8081/saml/acs";
inline constexpr const char* k_alex = "alex.wilber@contoso.example";
inline constexpr const char* k_alex_oid = "00aa00aa-bb11-cc22-dd33-44ee44ee44ee";

// The test tenant: the reference app, a restricted app, and users (alex, 山田 太郎, an MFA user,
// a user with a password, one without mail, a disabled one, a guest, one with 200 groups).
nlohmann::json config_json();
samlt::idp::Idp make_idp(const nlohmann::json& json = config_json());
const samlt::idp::Idp& default_idp();  // make_idp() once

// A fixed "now" inside every test certificate's validity window.
core::TimePoint now();

struct RequestShape {
  std::string id = "_req-0001";
  std::string issuer = k_entity_id;
  std::optional<std::string> acs = std::string(k_acs);
  std::optional<std::string> name_id_format;
  std::optional<std::string> comparison;
  std::vector<std::string> classes;
  bool force_authn = false;
  bool is_passive = false;
  std::optional<std::string> protocol_binding;
  std::optional<std::string> destination;
  std::string extra_children;  // raw XML appended inside the request (Subject, Scoping …)
  std::string version = "2.0";
};
std::string authn_request_xml(const RequestShape& shape = {});

// "SAMLRequest=…[&RelayState=…][&SigAlg=…&Signature=…]" for the HTTP-Redirect binding, signed
// with `signer_role` ("sp-signing") using rsa-sha256 (or rsa-sha1) when given.
std::string redirect_query(const std::string& xml,
                           const std::optional<std::string>& relay_state = std::nullopt,
                           const std::optional<std::string>& signer_role = std::nullopt,
                           bool sha1 = false);

// The request XML with an enveloped signature by `signer_role` (HTTP-POST binding).
std::string signed_request_xml(
    const std::string& xml, const std::string& signer_role,
    core::SignatureAlgorithm algorithm = core::SignatureAlgorithm::rsa_sha256);

// issue_response that must succeed with a Response / must end in an AADSTS error.
samlt::idp::IssuedResponse issue_ok(const samlt::idp::Idp& idp,
                                    const samlt::idp::IssueRequest& request,
                                    core::TimePoint at = now());
samlt::idp::AadstsError issue_error(const samlt::idp::Idp& idp,
                                    const samlt::idp::IssueRequest& request,
                                    core::TimePoint at = now());

// An SP-initiated request for alex with `shape`.
samlt::idp::IssueRequest sp_request(const RequestShape& shape = {}, std::string user = k_alex);

core::XmlDoc parse(const std::string& xml);

// Local names of the element children of `node`, in order.
std::vector<std::string> child_names(const xmlNode* node);
// Names of the attributes of `node`, in order (namespace declarations not included).
std::vector<std::string> attribute_names(const xmlNode* node);

// The single descendant {assertion ns}local of `root`; REQUIREs exactly one.
xmlNode* one(const xmlNode* root, std::string_view local);

}  // namespace samlt::test::idp
