// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/policy.hpp"

#include "samlt/sp/relay_state.hpp"

#include <nlohmann/json.hpp>

namespace samlt::sp {
namespace {

nlohmann::json encryption_list(const Policy& policy) {
  nlohmann::json list = nlohmann::json::array();
  for (auto content : policy.allowed_content_encryption) {
    list.push_back(std::string(name_of(content)));
  }
  return list;
}

std::string yes_no(bool value) { return value ? "true" : "false"; }

}  // namespace

std::string_view name_of(RequiredSignatures value) {
  switch (value) {
    case RequiredSignatures::either: return "either";
    case RequiredSignatures::assertion: return "assertion";
    case RequiredSignatures::response: return "response";
    case RequiredSignatures::both: return "both";
  }
  return "either";
}

std::string_view name_of(MinSignatureAlgorithm value) {
  return value == MinSignatureAlgorithm::sha1 ? "sha1" : "sha256";
}

std::string_view name_of(core::ContentEncryption value) {
  switch (value) {
    case core::ContentEncryption::aes256_gcm: return "aes256-gcm";
    case core::ContentEncryption::aes128_gcm: return "aes128-gcm";
    case core::ContentEncryption::aes256_cbc: return "aes256-cbc";
  }
  return "aes256-cbc";
}

std::optional<RequiredSignatures> parse_required_signatures(std::string_view text) {
  for (auto value : {RequiredSignatures::either, RequiredSignatures::assertion,
                     RequiredSignatures::response, RequiredSignatures::both}) {
    if (name_of(value) == text) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<MinSignatureAlgorithm> parse_min_signature_algorithm(std::string_view text) {
  for (auto value : {MinSignatureAlgorithm::sha256, MinSignatureAlgorithm::sha1}) {
    if (name_of(value) == text) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<core::ContentEncryption> parse_content_encryption(std::string_view text) {
  for (auto value : {core::ContentEncryption::aes256_gcm, core::ContentEncryption::aes256_cbc,
                     core::ContentEncryption::aes128_gcm}) {
    if (name_of(value) == text) {
      return value;
    }
  }
  return std::nullopt;
}

core::VerifyOptions verify_options(const Policy& policy) {
  core::VerifyOptions options;
  options.min_rsa_bits = policy.min_rsa_bits;
  if (policy.min_signature_algorithm == MinSignatureAlgorithm::sha1) {
    options.allowed_algorithms.push_back(core::SignatureAlgorithm::rsa_sha1);
  }
  return options;
}

core::DecryptOptions decrypt_options(const Policy& policy) {
  core::DecryptOptions options;
  options.allowed_content = policy.allowed_content_encryption;
  return options;
}

// BIND-OVERSIZE: both caps follow from max_message_bytes, so a message that would decode beyond
// it is refused by its size before anything is decoded. Base64 is 4 characters per 3 bytes, and
// RFC 2045 line breaks (CRLF every 76 characters, or every 64 in PEM style) add 2 per 64.
std::size_t max_encoded_message_bytes(const Policy& policy) {
  std::size_t base64 = (policy.max_message_bytes + 2) / 3 * 4;
  return base64 + base64 / 32 + 4;
}

std::size_t max_http_body_bytes(const Policy& policy) {
  // Form encoding grows base64 ('+', '/', '=', CR, LF become %XX: about 1 in 16 characters in
  // line-wrapped base64): a quarter more, plus RelayState and a few other fields.
  std::size_t encoded = max_encoded_message_bytes(policy);
  return encoded + encoded / 4 + 64 * 1024;
}

core::BindingLimits binding_limits(const Policy& policy) {
  return {max_http_body_bytes(policy), max_encoded_message_bytes(policy), policy.max_message_bytes,
          k_max_relay_state_bytes};
}

NamedValues policy_named_values(const Policy& policy) {
  std::string encryption;
  for (auto content : policy.allowed_content_encryption) {
    encryption += (encryption.empty() ? "" : ",") + std::string(name_of(content));
  }
  return {
      {"clock_skew_seconds", std::to_string(policy.clock_skew.count())},
      {"allow_unsolicited", yes_no(policy.allow_unsolicited)},
      {"required_signatures", std::string(name_of(policy.required_signatures))},
      {"enforce_certificate_validity", yes_no(policy.enforce_certificate_validity)},
      {"min_signature_algorithm", std::string(name_of(policy.min_signature_algorithm))},
      {"min_rsa_bits", std::to_string(policy.min_rsa_bits)},
      {"required_name_id_format", policy.required_name_id_format},
      {"require_email", yes_no(policy.require_email)},
      {"allowed_content_encryption", encryption},
      {"max_message_bytes", std::to_string(policy.max_message_bytes)},
      {"request_lifetime_seconds", std::to_string(policy.request_lifetime.count())},
      {"require_signed_logout_requests", yes_no(policy.require_signed_logout_requests)},
      {"require_signed_logout_responses", yes_no(policy.require_signed_logout_responses)},
      {"require_metadata_valid_until", yes_no(policy.require_metadata_valid_until)},
      {"max_metadata_validity_days", std::to_string(policy.max_metadata_validity_days)},
  };
}

std::string policy_json(const Policy& policy) {
  nlohmann::json out = {
      {"clock_skew_seconds", policy.clock_skew.count()},
      {"allow_unsolicited", policy.allow_unsolicited},
      {"required_signatures", name_of(policy.required_signatures)},
      {"enforce_certificate_validity", policy.enforce_certificate_validity},
      {"min_signature_algorithm", name_of(policy.min_signature_algorithm)},
      {"min_rsa_bits", policy.min_rsa_bits},
      {"required_name_id_format", policy.required_name_id_format.empty()
                                      ? nlohmann::json(nullptr)
                                      : nlohmann::json(policy.required_name_id_format)},
      {"require_email", policy.require_email},
      {"allowed_content_encryption", encryption_list(policy)},
      {"max_message_bytes", policy.max_message_bytes},
      {"request_lifetime_seconds", policy.request_lifetime.count()},
      {"require_signed_logout_requests", policy.require_signed_logout_requests},
      {"require_signed_logout_responses", policy.require_signed_logout_responses},
      {"require_metadata_valid_until", policy.require_metadata_valid_until},
      // 0 is no limit, which the runner's policy table (scenarios/README.md) calls "none".
      {"max_metadata_validity_days", policy.max_metadata_validity_days == 0
                                         ? nlohmann::json("none")
                                         : nlohmann::json(policy.max_metadata_validity_days)},
  };
  return out.dump();
}

}  // namespace samlt::sp
