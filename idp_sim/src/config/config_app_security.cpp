// SPDX-License-Identifier: Apache-2.0
// The security settings of one app: signing option and algorithm (entra-spec §1.12), its own
// signing certificates (§6.1), token encryption (§1.13), request verification (§3.4), and how
// errors are shown (§3.7).
#include "config/config_parts.hpp"

#include <charconv>

namespace samlt::idp::config {
namespace {

ErrorMode read_error_mode(ObjectReader& r, std::string_view key) {
  // "samlResponse" is accepted as the spelling entra-spec §8 uses.
  return r.choice_or<ErrorMode>(key,
                                {{"page", ErrorMode::page},
                                 {"saml-response", ErrorMode::saml_response},
                                 {"samlResponse", ErrorMode::saml_response}},
                                ErrorMode::page);
}

void read_token_encryption(ObjectReader& r, App& app, const IdpConfig& config) {
  const nlohmann::json* json = r.find("token_encryption");
  if (json == nullptr) {
    return;
  }
  ObjectReader e(*json, r.pointer("token_encryption"), config.source);
  TokenEncryption& enc = app.token_encryption;
  enc.enabled = e.boolean_or("enabled", false);
  if (auto name = e.optional_string("certificate")) {
    enc.certificate_name = *name;
    enc.certificate = credential_named(config, config.source, e.pointer("certificate"), *name)
                          .credential.certificate;
  } else if (enc.enabled) {
    e.fail("certificate", "the credential name of the app's encryption certificate");
  }
  enc.options.content =
      e.choice_or<core::ContentEncryption>("content_algorithm",
                                           {{"aes256-cbc", core::ContentEncryption::aes256_cbc},
                                            {"aes256-gcm", core::ContentEncryption::aes256_gcm}},
                                           core::ContentEncryption::aes256_cbc);
  enc.options.key_info = e.choice_or<core::RecipientKeyInfo>(
      "key_info",
      {{"x509-certificate", core::RecipientKeyInfo::x509_certificate},
       {"x509-issuer-serial", core::RecipientKeyInfo::x509_issuer_serial},
       {"none", core::RecipientKeyInfo::none}},
      core::RecipientKeyInfo::x509_certificate);
  e.finish();
}

void read_request_verification(ObjectReader& r, App& app, const IdpConfig& config) {
  const nlohmann::json* json = r.find("request_verification");
  if (json == nullptr) {
    return;
  }
  ObjectReader e(*json, r.pointer("request_verification"), config.source);
  RequestVerification& v = app.request_verification;
  v.required = e.boolean_or("required", false);
  auto names = e.strings("certificates");
  for (std::size_t i = 0; i < names.size(); ++i) {
    v.certificates.push_back(credential_named(config, config.source,
                                              child_pointer(e.pointer("certificates"), i), names[i])
                                 .credential.certificate);
  }
  v.allow_sha1 = e.boolean_or("allow_sha1", false);
  e.finish();
}

void read_error_modes(ObjectReader& r, App& app) {
  app.error_mode = read_error_mode(r, "error_mode");
  const nlohmann::json* json = r.find("error_mode_overrides");
  if (json == nullptr) {
    return;
  }
  ObjectReader e(*json, r.pointer("error_mode_overrides"), r.source());
  for (const auto& [key, value] : json->items()) {
    int code = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), code);
    if (key == "$comment") {
      continue;
    }
    if (ec != std::errc() || end != key.data() + key.size() || code <= 0) {
      e.fail(key, "an AADSTS code as the key (\"50105\")");
    }
    app.error_mode_overrides[code] = read_error_mode(e, key);
  }
  e.finish();
}

}  // namespace

void read_app_security(ObjectReader& r, App& app, const IdpConfig& config) {
  app.signing = r.choice_or<Signing>(
      "signing",
      {{"assertion", Signing::assertion}, {"response", Signing::response}, {"both", Signing::both}},
      Signing::assertion);
  app.algorithm =
      r.choice_or<core::SignatureAlgorithm>("algorithm",
                                            {{"sha256", core::SignatureAlgorithm::rsa_sha256},
                                             {"sha1", core::SignatureAlgorithm::rsa_sha1}},
                                            core::SignatureAlgorithm::rsa_sha256);
  app.signing_certificates = read_signing_certificates(r, config, false);
  read_token_encryption(r, app, config);
  read_request_verification(r, app, config);
  read_error_modes(r, app);
}

}  // namespace samlt::idp::config
