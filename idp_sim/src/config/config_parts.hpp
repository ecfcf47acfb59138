// SPDX-License-Identifier: Apache-2.0
// The readers for each part of the configuration; each throws core::Fatal with file + pointer.
#pragma once

#include "samlt/core/json_reader.hpp"
#include "samlt/idp/idp_config.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace samlt::idp::config {

// The strict JSON reader shared with the runner (core/json_reader.hpp).
using core::json::child_pointer;
using core::json::config_fail;
using core::json::is_lower_guid;
using core::json::ObjectReader;
using core::json::resolve_path;

// "cert_set" and "credentials" into config.credential_files / config.credentials.
void read_credentials(ObjectReader& top, const std::filesystem::path& base_dir, IdpConfig& config);

// A signing_certificates array (tenant or app). `required`: at least one entry.
std::vector<SigningCertificate> read_signing_certificates(ObjectReader& parent,
                                                          const IdpConfig& config, bool required);

// The credential `name` names, or a failure at `pointer`.
const NamedCredential& credential_named(const IdpConfig& config, std::string_view source,
                                        const std::string& pointer, const std::string& name);

TokenSettings read_tokens(ObjectReader& top);
Knobs read_knobs(ObjectReader& top);
Limits read_limits(ObjectReader& top);

// Signing, token encryption, request verification and error mode of one app.
void read_app_security(ObjectReader& r, App& app, const IdpConfig& config);

App read_app(const nlohmann::json& json, const std::string& pointer, const IdpConfig& config);
User read_user(const nlohmann::json& json, const std::string& pointer, std::string_view source);

// A faults array: each entry an id string or {"id", "params"}; ids must name a mutator.
std::vector<MutatorUse> read_mutator_uses(const nlohmann::json& json, const std::string& pointer,
                                          std::string_view source);

}  // namespace samlt::idp::config
