// SPDX-License-Identifier: Apache-2.0
// Files the runner tests need: an idp_sim configuration that uses the test certificate set, and a
// target file for a fake SP, all in a temporary folder.
#pragma once

#include "fake_sp.hpp"
#include "support/temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace samlt::test {

inline constexpr const char* k_default_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";

// idp_sim/config/default.json with its certificates taken from test_cert_set().
std::filesystem::path write_idp_config(const TempDir& dir);

// A target file for `sp` (session cookie + probe signals), using write_idp_config's file.
std::filesystem::path write_fake_target(const TempDir& dir, const FakeSp& sp,
                                        const nlohmann::json& extra = nlohmann::json::object());

// Writes `json` to dir/name and returns the path.
std::filesystem::path write_json(const TempDir& dir, const std::string& name, const nlohmann::json& json);

// The bundled scenario suites (the repository's scenarios/ folder).
std::filesystem::path bundled_scenarios();

}  // namespace samlt::test
