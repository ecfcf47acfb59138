// SPDX-License-Identifier: Apache-2.0
// The "policy", "relay_state" and credential sections of the configuration.
#include "config/config_parts.hpp"

#include "samlt/core/keys.hpp"

namespace samlt::sp::config {

Policy read_policy(ObjectReader& parent, std::string_view key) {
  Policy policy;
  const nlohmann::json* json = parent.find(key);
  if (json == nullptr) {
    return policy;
  }
  ObjectReader r(*json, parent.pointer(key), parent.source());
  policy.clock_skew = std::chrono::seconds(r.integer_or("clock_skew_seconds", policy.clock_skew.count(), 0, 3600));
  policy.allow_unsolicited = r.boolean_or("allow_unsolicited", policy.allow_unsolicited);
  std::string sigs = r.string_or("required_signatures", std::string(name_of(policy.required_signatures)));
  auto required = parse_required_signatures(sigs);
  if (!required) {
    r.fail("required_signatures", "one of \"either\", \"assertion\", \"response\", \"both\"");
  }
  policy.required_signatures = *required;
  policy.enforce_certificate_validity = r.boolean_or("enforce_certificate_validity", true);
  auto minimum = parse_min_signature_algorithm(r.string_or("min_signature_algorithm", "sha256"));
  if (!minimum) {
    r.fail("min_signature_algorithm", "one of \"sha256\", \"sha1\"");
  }
  policy.min_signature_algorithm = *minimum;
  policy.min_rsa_bits = static_cast<int>(r.integer_or("min_rsa_bits", policy.min_rsa_bits, 1024, 16384));
  policy.required_name_id_format = r.string_or("required_name_id_format", "");
  policy.require_email = r.boolean_or("require_email", policy.require_email);
  auto contents = r.strings_or("allowed_content_encryption", {"aes256-gcm", "aes256-cbc", "aes128-gcm"});
  policy.allowed_content_encryption.clear();
  for (std::size_t i = 0; i < contents.size(); ++i) {
    auto content = parse_content_encryption(contents[i]);
    if (!content) {
      config_fail(r.source(), child_pointer(r.pointer("allowed_content_encryption"), i),
                  "one of \"aes256-gcm\", \"aes256-cbc\", \"aes128-gcm\"");
    }
    policy.allowed_content_encryption.push_back(*content);
  }
  policy.max_message_bytes = static_cast<std::size_t>(
      r.integer_or("max_message_bytes", static_cast<long long>(policy.max_message_bytes), 4096, 64 * 1024 * 1024));
  policy.request_lifetime = std::chrono::seconds(
      r.integer_or("request_lifetime_seconds", policy.request_lifetime.count(), 10, 86400));
  policy.require_signed_logout_requests = r.boolean_or("require_signed_logout_requests", true);
  policy.require_signed_logout_responses = r.boolean_or("require_signed_logout_responses", true);
  policy.require_metadata_valid_until = r.boolean_or("require_metadata_valid_until", false);
  policy.max_metadata_validity_days =
      static_cast<int>(r.integer_or("max_metadata_validity_days", 0, 0, 100 * 366));
  r.finish();
  return policy;
}

RelayStateRules read_relay_state(ObjectReader& parent, std::string_view key) {
  RelayStateRules rules;
  const nlohmann::json* json = parent.find(key);
  if (json == nullptr) {
    return rules;
  }
  ObjectReader r(*json, parent.pointer(key), parent.source());
  rules.allowed_paths = r.strings_or("allowed_paths", rules.allowed_paths);
  for (std::size_t i = 0; i < rules.allowed_paths.size(); ++i) {
    if (rules.allowed_paths[i].empty() || rules.allowed_paths[i][0] != '/') {
      config_fail(r.source(), child_pointer(r.pointer("allowed_paths"), i), "a path starting with '/'");
    }
  }
  rules.allowed_origins = r.strings_or("allowed_origins", {});
  for (std::size_t i = 0; i < rules.allowed_origins.size(); ++i) {
    const auto& origin = rules.allowed_origins[i];
    bool scheme = origin.rfind("http://", 0) == 0 || origin.rfind("https://", 0) == 0;
    if (!scheme || origin.find('/', origin.find("//") + 2) != std::string::npos) {
      config_fail(r.source(), child_pointer(r.pointer("allowed_origins"), i),
                  "an origin such as \"https://app.example\" (scheme, host, optional port; no path)");
    }
  }
  r.finish();
  return rules;
}

core::Credential read_credential(ObjectReader& parent, std::string_view key,
                                 const std::filesystem::path& base_dir) {
  const nlohmann::json* json = parent.find(key);
  if (json == nullptr) {
    parent.fail(key, "an object with key_file and certificate_file (required)");
  }
  ObjectReader r(*json, parent.pointer(key), parent.source());
  auto key_path = resolve_path(base_dir, r.string("key_file"));
  auto cert_path = resolve_path(base_dir, r.string("certificate_file"));
  r.finish();
  auto cert = core::load_certificate_file(cert_path);
  if (!cert) {
    r.fail("certificate_file", "a PEM certificate (" + cert.error().detail + ")");
  }
  auto private_key = core::load_private_key_file(key_path);
  if (!private_key) {
    r.fail("key_file", "a PEM private key (" + private_key.error().detail + ")");
  }
  if (!cert->matches(*private_key)) {
    r.fail("key_file", "the private key of certificate_file");
  }
  return core::Credential{*private_key, *cert};
}

}  // namespace samlt::sp::config
