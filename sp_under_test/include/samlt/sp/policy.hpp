// SPDX-License-Identifier: Apache-2.0
// The SP's named policy settings (style §6.1 rule 6: no off switch, every relaxation is a named
// field printed in every verdict trace and served at GET /saml/policy).
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/xmldsig.hpp"
#include "samlt/core/xmlenc.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samlt::sp {

// Which signatures must cover the Assertion (saml-profiles §4.1.4.2 leaves the choice to the SP):
// either = its own or the verified Response's; assertion / response = that one; both = both.
enum class RequiredSignatures { either, assertion, response, both };

// The weakest XML signature digest accepted. sha256 refuses SHA-1 (Entra's "SHA-1" option).
enum class MinSignatureAlgorithm { sha256, sha1 };

struct Policy {
  // Tolerance for clocks that disagree (SAML2int IIP-G01 asks for 3–5 minutes; Shibboleth uses
  // 180 s). Applied in both directions to every time check.
  std::chrono::seconds clock_skew{180};
  // IdP-initiated (unsolicited) responses. On by default because Entra's My Apps portal, the
  // Microsoft 365 launcher and the portal's "Test" button all launch apps IdP-initiated
  // (entra-spec §3.5); an SP that refuses them breaks the most common Entra entry point.
  bool allow_unsolicited = true;
  RequiredSignatures required_signatures = RequiredSignatures::either;
  // An assertion signed with a trusted certificate outside its validity window is refused
  // (key.certificate_expired / key.certificate_not_yet_valid).
  bool enforce_certificate_validity = true;
  MinSignatureAlgorithm min_signature_algorithm = MinSignatureAlgorithm::sha256;
  int min_rsa_bits = 2048;
  // Empty: any NameID Format. Otherwise the exact Format URI required.
  std::string required_name_id_format;
  // The account is found by email: the emailaddress claim, else an emailAddress-format NameID.
  bool require_email = true;
  // AES-256-CBC stays allowed by default because Entra encrypts tokens with it (entra-spec §1.13).
  // That is safe here only because every decryption failure is the one uniform
  // encryption.decrypt_failed with a fixed detail, so there is no padding oracle (ENC-CBC-ORACLE).
  std::vector<core::ContentEncryption> allowed_content_encryption{
      core::ContentEncryption::aes256_gcm, core::ContentEncryption::aes256_cbc,
      core::ContentEncryption::aes128_gcm};
  // The decoded XML limit (xml.too_large). A base64 field that would decode beyond it is refused
  // undecoded (binding.too_large); the HTTP body cap is derived from it as well.
  std::size_t max_message_bytes = 2 * 1024 * 1024;
  // How long an AuthnRequest ID stays answerable.
  std::chrono::seconds request_lifetime{1800};
  // A LogoutRequest from the IdP ends sessions, so it must carry a verified Redirect signature.
  bool require_signed_logout_requests = true;
  // A LogoutResponse only confirms a logout this SP started, but an unsigned one is anybody's
  // word (BIND-REDIRECT-SIG-STRIP): Entra signs its LogoutResponses, so require it by default.
  bool require_signed_logout_responses = true;
  // IdP metadata freshness (SAML2int IIP-MD04; saml-metadata §2.2.1). A validUntil in the past is
  // always refused. Entra publishes metadata without validUntil, so requiring one is a choice
  // (metadata.valid_until_missing); a limit in days refuses a document that claims to stay valid
  // for decades (metadata.valid_until_too_far; 0: no limit).
  bool require_metadata_valid_until = false;
  int max_metadata_validity_days = 0;
};

std::string_view name_of(RequiredSignatures value);        // "either", "assertion", ...
std::string_view name_of(MinSignatureAlgorithm value);     // "sha256", "sha1"
std::string_view name_of(core::ContentEncryption value);   // "aes256-gcm", "aes256-cbc", "aes128-gcm"
std::optional<RequiredSignatures> parse_required_signatures(std::string_view text);
std::optional<MinSignatureAlgorithm> parse_min_signature_algorithm(std::string_view text);
std::optional<core::ContentEncryption> parse_content_encryption(std::string_view text);

// What core's verifier and decrypter are told, derived from the policy.
core::VerifyOptions verify_options(const Policy& policy);
core::DecryptOptions decrypt_options(const Policy& policy);

// The largest SAMLResponse form value accepted before decoding, and the HTTP body cap.
std::size_t max_encoded_message_bytes(const Policy& policy);
std::size_t max_http_body_bytes(const Policy& policy);

// What the binding codec is told, for the ACS and SLO alike: the HTTP body cap for the input, the
// encoded cap for the message, max_message_bytes for inflation, and this SP's RelayState cap
// (k_max_relay_state_bytes, more lenient than saml-bindings' 80 bytes because Entra is).
core::BindingLimits binding_limits(const Policy& policy);

// Every setting by its config/JSON name, e.g. {"clock_skew_seconds", "180"}, in a fixed order:
// what reports print in their header.
using NamedValues = std::vector<std::pair<std::string, std::string>>;
NamedValues policy_named_values(const Policy& policy);

// The same settings as one JSON object (typed values), as GET /saml/policy serves it.
std::string policy_json(const Policy& policy);

}  // namespace samlt::sp
