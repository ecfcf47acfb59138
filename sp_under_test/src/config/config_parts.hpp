// SPDX-License-Identifier: Apache-2.0
// The readers of the configuration's sections, shared by load_sp_config.
#pragma once

#include "samlt/core/json_reader.hpp"
#include "samlt/sp/sp_config.hpp"

namespace samlt::sp::config {

using core::json::ObjectReader;
using core::json::child_pointer;
using core::json::config_fail;
using core::json::resolve_path;

Policy read_policy(ObjectReader& parent, std::string_view key);
RelayStateRules read_relay_state(ObjectReader& parent, std::string_view key);
std::vector<TrustedIdpSeed> read_trusted_idps(ObjectReader& parent, std::string_view key,
                                              const std::filesystem::path& base_dir);
std::vector<AccountSeed> read_accounts(ObjectReader& parent, std::string_view key);
core::Credential read_credential(ObjectReader& parent, std::string_view key,
                                 const std::filesystem::path& base_dir);

}  // namespace samlt::sp::config
