// SPDX-License-Identifier: Apache-2.0
#include "runner_fixture.hpp"

#include "samlt/core/fs.hpp"
#include "support/test_certs.hpp"

#include <stdexcept>

namespace samlt::test {

std::filesystem::path write_json(const TempDir& dir, const std::string& name, const nlohmann::json& json) {
  auto path = dir / name;
  std::filesystem::create_directories(path.parent_path());
  if (!core::write_file_atomic(path, json.dump(2))) {
    throw std::runtime_error("cannot write " + path.string());
  }
  return path;
}

std::filesystem::path write_idp_config(const TempDir& dir) {
  auto text = core::read_file(std::filesystem::path(SAMLT_SOURCE_DIR) / "idp_sim/config/default.json");
  if (!text) {
    throw std::runtime_error("cannot read idp_sim/config/default.json");
  }
  auto json = nlohmann::json::parse(*text);
  json["cert_set"] = test_cert_set().dir().string();
  return write_json(dir, "idp.json", json);
}

std::filesystem::path write_fake_target(const TempDir& dir, const FakeSp& sp, const nlohmann::json& extra) {
  nlohmann::json target = {
      {"name", "fake-sp"},
      {"entity_id", sp.entity_id()},
      {"acs_url", sp.base_url() + "/acs"},
      {"login_url", sp.base_url() + "/login"},
      {"idp", {{"config", write_idp_config(dir).string()}}},
      {"signals",
       {{"session_cookie", "lax_session"},
        {"session_probe", {{"url", sp.base_url() + "/home"}, {"status", 200}}},
        {"reject_body", {"<h1>Error</h1>"}}}}};
  target.merge_patch(extra);
  return write_json(dir, "target.json", target);
}

std::filesystem::path bundled_scenarios() { return std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios"; }

}  // namespace samlt::test
