// SPDX-License-Identifier: Apache-2.0
// The tenant-wide settings of idp_sim: token lifetimes (entra-spec §1.4), the behaviour knobs of
// entra-spec §8 that concern SAML SSO, SLO and metadata, and the HTTP server's limits. Defaults
// are what real Entra tokens and documents show; every [INFER] behaviour is a knob.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/core/xmldsig.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace samlt::idp {

enum class ScdMode { same_as_conditions, plus_5_min };
enum class LifetimeProfile { observed, docs_literal };

// entra-spec §1.4. Defaults are what real tokens show.
struct TokenSettings {
  std::chrono::minutes lifetime{60};  // 10 min .. 1 day
  std::chrono::minutes not_before_skew{5};
  ScdMode scd_mode = ScdMode::same_as_conditions;
  LifetimeProfile profile = LifetimeProfile::observed;
};

enum class EmptyNameIdBehaviour { error_501241, pairwise_fallback };
enum class PassiveFailure { saml_error, page };

// The tenant-wide knobs of entra-spec §8 that concern SAML SSO, SLO and metadata.
struct Knobs {
  core::SignatureStyle signature_style = core::SignatureStyle::default_namespace;
  bool metadata_bom = true;
  PassiveFailure is_passive_failure = PassiveFailure::saml_error;
  bool slo_sign_response = true;
  core::HexCase url_encoding_case = core::HexCase::lower;
  bool check_issue_instant = false;
  std::chrono::minutes issue_instant_tolerance{5};
  bool enforce_destination = false;
  EmptyNameIdBehaviour empty_name_id = EmptyNameIdBehaviour::error_501241;
  int group_overage_limit = 150;
  int error_page_status = 200;
  bool auto_login = false;
  bool launcher_uses_sign_on_url = true;  // My Apps sends the user to the Sign on URL when set
  bool allow_http_reply_urls = false;     // D8: https only, http just for localhost
  std::string pairwise_salt = "samlt-pairwise-salt";
};

// Protections of the HTTP server: bad input must never crash or hang it.
struct Limits {
  std::size_t max_body_bytes = 256 * 1024;
  std::size_t max_uri_bytes = 16 * 1024;
  std::size_t max_inflated_bytes = 256 * 1024;
  std::size_t recent_messages = 200;
  std::size_t max_sessions = 10000;
  int request_timeout_seconds = 10;
  int max_threads = 16;
};

}  // namespace samlt::idp
