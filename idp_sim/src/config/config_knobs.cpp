// SPDX-License-Identifier: Apache-2.0
// Token lifetimes (entra-spec §1.4), the tenant knobs of entra-spec §8 and the server's limits.
#include "config/config_parts.hpp"

namespace samlt::idp::config {

TokenSettings read_tokens(ObjectReader& top) {
  TokenSettings tokens;
  const nlohmann::json* json = top.find("tokens");
  if (json == nullptr) {
    return tokens;
  }
  ObjectReader r(*json, top.pointer("tokens"), top.source());
  // D7: a token-lifetime policy may range from 10 minutes to 1 day.
  tokens.lifetime = std::chrono::minutes(r.integer_or("lifetime_minutes", 60, 10, 24 * 60));
  tokens.not_before_skew = std::chrono::minutes(r.integer_or("not_before_skew_minutes", 5, 0, 60));
  tokens.scd_mode = r.choice_or<ScdMode>(
      "scd_mode",
      {{"same-as-conditions", ScdMode::same_as_conditions}, {"plus-5-min", ScdMode::plus_5_min}},
      ScdMode::same_as_conditions);
  tokens.profile = r.choice_or<LifetimeProfile>(
      "profile",
      {{"observed", LifetimeProfile::observed}, {"docs-literal", LifetimeProfile::docs_literal}},
      LifetimeProfile::observed);
  r.finish();
  return tokens;
}

Knobs read_knobs(ObjectReader& top) {
  Knobs k;
  const nlohmann::json* json = top.find("knobs");
  if (json == nullptr) {
    return k;
  }
  ObjectReader r(*json, top.pointer("knobs"), top.source());
  k.signature_style = r.choice_or<core::SignatureStyle>(
      "signature_style",
      {{"default-namespace", core::SignatureStyle::default_namespace},
       {"ds-prefix", core::SignatureStyle::ds_prefix}},
      k.signature_style);
  k.metadata_bom = r.boolean_or("metadata_bom", k.metadata_bom);
  k.is_passive_failure = r.choice_or<PassiveFailure>(
      "is_passive_failure",
      {{"saml-error", PassiveFailure::saml_error}, {"page", PassiveFailure::page}},
      k.is_passive_failure);
  k.slo_sign_response = r.boolean_or("slo_sign_response", k.slo_sign_response);
  k.url_encoding_case = r.choice_or<core::HexCase>(
      "url_encoding_case", {{"lower", core::HexCase::lower}, {"upper", core::HexCase::upper}},
      k.url_encoding_case);
  k.check_issue_instant = r.boolean_or("check_issue_instant", k.check_issue_instant);
  k.issue_instant_tolerance =
      std::chrono::minutes(r.integer_or("issue_instant_tolerance_minutes", 5, 0, 24 * 60));
  k.enforce_destination = r.boolean_or("enforce_destination", k.enforce_destination);
  k.empty_name_id = r.choice_or<EmptyNameIdBehaviour>(
      "empty_name_id_behaviour",
      {{"error-501241", EmptyNameIdBehaviour::error_501241},
       {"pairwise-fallback", EmptyNameIdBehaviour::pairwise_fallback}},
      k.empty_name_id);
  k.group_overage_limit = static_cast<int>(r.integer_or("group_overage_limit", 150, 1, 100000));
  k.error_page_status = static_cast<int>(r.integer_or("error_page_status", 200, 200, 599));
  k.auto_login = r.boolean_or("auto_login", k.auto_login);
  k.launcher_uses_sign_on_url =
      r.boolean_or("launcher_uses_sign_on_url", k.launcher_uses_sign_on_url);
  k.allow_http_reply_urls = r.boolean_or("allow_http_reply_urls", k.allow_http_reply_urls);
  k.pairwise_salt = r.string_or("pairwise_salt", k.pairwise_salt);
  r.finish();
  return k;
}

Limits read_limits(ObjectReader& top) {
  Limits l;
  const nlohmann::json* json = top.find("limits");
  if (json == nullptr) {
    return l;
  }
  ObjectReader r(*json, top.pointer("limits"), top.source());
  constexpr long long k_mib = 1024 * 1024;
  l.max_body_bytes =
      static_cast<std::size_t>(r.integer_or("max_body_bytes", 256 * 1024, 1024, 64 * k_mib));
  l.max_uri_bytes = static_cast<std::size_t>(r.integer_or("max_uri_bytes", 16 * 1024, 256, k_mib));
  l.max_inflated_bytes =
      static_cast<std::size_t>(r.integer_or("max_inflated_bytes", 256 * 1024, 1024, 64 * k_mib));
  l.recent_messages = static_cast<std::size_t>(r.integer_or("recent_messages", 200, 0, 100000));
  l.max_sessions = static_cast<std::size_t>(r.integer_or("max_sessions", 10000, 1, 1000000));
  l.request_timeout_seconds = static_cast<int>(r.integer_or("request_timeout_seconds", 10, 1, 300));
  l.max_threads = static_cast<int>(r.integer_or("max_threads", 16, 1, 256));
  r.finish();
  return l;
}

}  // namespace samlt::idp::config
