// SPDX-License-Identifier: Apache-2.0
// ServiceProvider's state, shared by its implementation files.
#pragma once

#include "samlt/sp/service_provider.hpp"
#include "samlt/sp/trust.hpp"
#include "samlt/sp/verdict_log.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace samlt::sp {

struct ServiceProvider::Impl {
  Impl(SpConfig c, Store s, const core::Clock& k, LogSink l)
      : config(std::move(c)), store(std::move(s)), clock(k), log(std::move(l)) {}

  SpConfig config;
  Store store;
  const core::Clock& clock;
  LogSink log;
  std::string metadata;  // built once at construction
  std::vector<core::PrivateKey> decryption_keys;
  TrustCache trust;     // the registered IdPs, parsed once per change
  VerdictLog verdicts;  // GET /verdicts/<request_id>

  // One structured log line: {"time": ..., "event": event, ...fields}.
  void log_event(std::string_view event, nlohmann::json fields);

  // Registers `name` from metadata; `enabled_if_new` applies only when the name is new.
  core::Result<TrustedIdp> register_metadata(std::string_view name, std::string_view xml,
                                             std::string_view metadata_url, bool enabled_if_new);
  core::Result<TrustedIdp> save_idp(IdpRecord record, std::string_view how);
};

}  // namespace samlt::sp
