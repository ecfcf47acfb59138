// SPDX-License-Identifier: Apache-2.0
// IdpConfig: the simulated Entra tenant — directory users, enterprise applications, signing
// certificates, token lifetimes and the behaviour knobs of entra-spec §8 — loaded from JSON that is
// validated strictly (unknown keys refused; errors name the file, JSON pointer and expectation).
// The format is documented in idp_sim/README.md.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/core/xmlenc.hpp"
#include "samlt/idp/mutator.hpp"
#include "samlt/idp/response_spec.hpp"
#include "samlt/idp/tenant_settings.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::idp {

// A signing certificate of the tenant or of one app (entra-spec §6.1).
struct SigningCertificate {
  std::string name;  // the credential name ("idp-signing")
  core::Credential credential;
  bool active = false;     // only the active certificate signs (with §6.1's expiry rules)
  bool advertise = false;  // listed in metadata KeyDescriptors (rollover); active: always
};

// NameID formats an app can be configured with (entra-spec §1.7); `default_format` is the
// source's own default (emailAddress for UPN and mail, unspecified otherwise).
enum class NameIdFormat { default_format, email, persistent, unspecified, windows, transient };

struct NameIdSetting {
  std::string source = "user.userprincipalname";
  NameIdFormat format = NameIdFormat::email;
};

struct ClaimSetting {
  std::string name;    // claim URI ("http://schemas.xmlsoap.org/…/givenname") or plain name
  std::string source;  // user attribute ("user.givenname")
};

struct ReplyUrl {
  std::string url;
  int index = 0;
  bool is_default = false;
};

struct TokenEncryption {
  bool enabled = false;
  std::string certificate_name;
  core::Certificate certificate;
  core::EncryptOptions options;
};

// "SAML Request Signature Verification" (entra-spec §3.4).
struct RequestVerification {
  bool required = false;
  std::vector<core::Certificate> certificates;
  bool allow_sha1 = false;
};

// How an AADSTS error reaches the user: Entra's own page (default) or a SAML error Response
// posted to the ACS (entra-spec §3.7).
enum class ErrorMode { page, saml_response };

// An enterprise application ("Basic SAML Configuration" and the rest, entra-spec §3.3).
struct App {
  std::string app_id;  // lower-case GUID
  std::string display_name;
  std::vector<std::string> identifiers;
  std::string default_identifier;
  std::vector<ReplyUrl> reply_urls;  // in configured order
  std::optional<std::string> sign_on_url;
  std::optional<std::string> logout_url;
  std::optional<std::string> relay_state;  // sent with IdP-initiated responses
  Signing signing = Signing::assertion;
  core::SignatureAlgorithm algorithm = core::SignatureAlgorithm::rsa_sha256;
  std::vector<SigningCertificate> signing_certificates;  // empty: the tenant's
  NameIdSetting name_id;
  std::vector<ClaimSetting> claims;  // Entra's default set unless configured
  bool group_claims = false;
  bool include_attribute_name_format = false;
  bool issuer_append_app_id = false;
  std::optional<std::string> audience_override;
  TokenEncryption token_encryption;
  RequestVerification request_verification;
  bool assignment_required = false;
  std::vector<std::string> assigned;  // UPNs, user object ids or group object ids
  std::vector<MutatorUse> faults;     // applied to every response for this app
  ErrorMode error_mode = ErrorMode::page;
  std::map<int, ErrorMode> error_mode_overrides;     // per AADSTS code
  nlohmann::json source = nlohmann::json::object();  // the JSON it was read from (for overrides)

  const ReplyUrl* default_reply_url() const;  // nullptr when none is registered
};

enum class AuthMethod { password, mfa, x509, windows };

// A directory user (Microsoft Graph user fields the SAML flow reads).
struct User {
  std::string object_id;
  std::string user_principal_name;
  std::string mail;
  std::string given_name;
  std::string surname;
  std::string display_name;
  std::string department;
  std::string job_title;
  std::string employee_id;
  std::string on_premises_sam_account_name;
  std::vector<std::string> groups;                          // group object ids
  std::map<std::string, std::string> extension_attributes;  // "extensionattribute1" …
  bool enabled = true;
  bool guest = false;                            // userType Guest
  std::optional<std::string> identity_provider;  // guests: their home IdP
  AuthMethod last_auth_method = AuthMethod::password;
  std::optional<std::string> password;  // when set, the sign-in page checks it (AADSTS50126)
};

// A credential with the files it came from (TLS needs file paths).
struct NamedCredential {
  core::Credential credential;
  std::filesystem::path key_file;
  std::filesystem::path certificate_file;
};

struct IdpConfig {
  std::string source;                          // the file name, for messages
  std::string tenant_id;                       // lower-case GUID
  std::string tenant_name;                     // shown in messages ("Contoso")
  std::optional<std::string> public_base_url;  // default: http(s)://host:port actually bound
  std::map<std::string, NamedCredential, std::less<>> credential_files;
  Credentials credentials;  // the same, without paths (mutator Target)
  std::vector<SigningCertificate> signing_certificates;
  TokenSettings tokens;
  std::chrono::seconds clock_offset{0};
  Knobs knobs;
  Limits limits;
  std::optional<std::string> tls_credential;  // name of the TLS server credential
  std::vector<App> apps;
  std::vector<User> users;
};

// Reads and validates configuration JSON. Relative paths are resolved against `base_dir`.
// Fails with config.invalid; the detail reads `<source_name>: <json pointer>: <expected>`.
core::Result<IdpConfig> idp_config_from_json(const nlohmann::json& json,
                                             std::string_view source_name,
                                             const std::filesystem::path& base_dir);

// Reads `path` and validates it; paths inside are relative to the file's folder.
// Throws core::Fatal (message `<file>: <json pointer>: <expected>`): the one place startup
// configuration errors are thrown.
IdpConfig load_idp_config(const std::filesystem::path& path);

// Reads one apps[] entry against the credentials of `config` (for app_overrides: the entry's
// `source` merged with the overrides). `pointer` names where it came from. Fails with
// config.invalid.
core::Result<App> app_from_json(const nlohmann::json& json, std::string_view pointer,
                                const IdpConfig& config);

// Reads one users[] entry (a replayed capture's user, given in full by a scenario). `pointer`
// names where it came from. Fails with config.invalid.
core::Result<User> user_from_json(const nlohmann::json& json, std::string_view pointer, std::string_view source);

}  // namespace samlt::idp
