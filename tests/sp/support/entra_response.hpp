// SPDX-License-Identifier: Apache-2.0
// An Entra-shaped samlp:Response built with core only (the SP tests never use the IdP library:
// ARCHITECTURE.md layering). Element and attribute order, namespaces and times follow
// entra-spec §1.2 and §1.4; hooks let a test break exactly one thing before or after signing.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/core/xmlenc.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samlt::test {

inline constexpr const char* k_tenant = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
inline constexpr const char* k_idp_entity_id = "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/";
inline constexpr const char* k_idp_sso_url = "http://127.0.0.1:8080/aaaabbbb-0000-cccc-1111-dddd2222eeee/saml2";
inline constexpr const char* k_sp_entity_id = "urn:samlt:sp:reference";
inline constexpr const char* k_sp_base_url = "http://127.0.0.1:8081";
inline constexpr const char* k_acs_url = "http://127.0.0.1:8081/saml/acs";
inline constexpr const char* k_user = "alex.wilber@contoso.example";

enum class SignWith { assertion, response, both, none };

// The built document and the nodes tests usually reach for. After encryption `assertion` and its
// descendants point into the EncryptedAssertion's plaintext no more: they are nullptr.
struct ResponseParts {
  core::XmlDoc doc;
  xmlNode* response = nullptr;
  xmlNode* assertion = nullptr;
  xmlNode* subject = nullptr;
  xmlNode* name_id = nullptr;
  xmlNode* confirmation = nullptr;       // SubjectConfirmation
  xmlNode* confirmation_data = nullptr;  // SubjectConfirmationData
  xmlNode* conditions = nullptr;
  xmlNode* audience = nullptr;
  xmlNode* attributes = nullptr;  // AttributeStatement
  xmlNode* authn = nullptr;       // AuthnStatement
};

struct EntraAttribute {
  std::string name;
  std::vector<std::string> values;
};

struct EntraResponseSpec {
  core::TimePoint t0;  // token build time; the defaults below are derived from it
  std::string response_id;   // "_" + GUID when empty
  std::string assertion_id;  // "_" + GUID ending in 00 when empty
  std::optional<std::string> destination = std::string(k_acs_url);
  std::optional<std::string> in_response_to;  // nullopt: IdP-initiated
  std::string issuer = k_idp_entity_id;
  std::string assertion_issuer = k_idp_entity_id;
  std::string status = "urn:oasis:names:tc:SAML:2.0:status:Success";
  std::string name_id = k_user;
  std::string name_id_format = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
  std::string recipient = k_acs_url;
  std::vector<std::string> audiences{k_sp_entity_id};
  std::vector<EntraAttribute> attributes;  // empty: Entra's default claims for Alex Wilber
  bool default_attributes = true;
  std::string authn_context = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password";
  SignWith signing = SignWith::assertion;
  std::string signer_role = "idp-signing";  // a role of the test certificate set
  core::SignatureAlgorithm algorithm = core::SignatureAlgorithm::rsa_sha256;
  bool encrypt = false;  // to the SP's test encryption certificate
  core::ContentEncryption content = core::ContentEncryption::aes256_cbc;
  std::function<void(ResponseParts&)> before_signing;  // break one thing that is then signed
  std::function<void(ResponseParts&)> after_signing;   // break one thing after signing
};

// A spec with Entra's modern timing around `t0` (NotBefore t0-5min, NotOnOrAfter t0+60min).
EntraResponseSpec entra_spec(core::TimePoint t0);

// Builds, signs (assertion first, then encryption, then the Response, as Entra orders them) and
// applies the hooks. REQUIRES (checked): signing and encryption succeed.
ResponseParts build_entra_response(const EntraResponseSpec& spec);

// The POST form Entra's auto-submitting page sends: SAMLResponse (base64 of the compact XML)
// and, when not empty, RelayState.
core::FormFields post_form(const ResponseParts& parts, const std::string& relay_state = {});
core::FormFields post_form_of(const std::string& xml, const std::string& relay_state = {});

}  // namespace samlt::test
