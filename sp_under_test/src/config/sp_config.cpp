// SPDX-License-Identifier: Apache-2.0
// load_sp_config: the top level of the configuration file.
#include "samlt/sp/sp_config.hpp"

#include "config/config_parts.hpp"
#include "samlt/core/fs.hpp"

#include <algorithm>

namespace samlt::sp {

std::string SpConfig::effective_base_url() const {
  bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
  std::string authority = (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
  std::string base = base_url.empty() ? "http://" + authority : base_url;
  while (!base.empty() && base.back() == '/') {
    base.pop_back();
  }
  return base;
}

std::string SpConfig::acs_url() const { return effective_base_url() + "/saml/acs"; }
std::string SpConfig::slo_url() const { return effective_base_url() + "/saml/slo"; }
std::string SpConfig::metadata_url() const { return effective_base_url() + "/saml/metadata"; }

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" ||
         (host.rfind("127.", 0) == 0 &&
          std::all_of(host.begin(), host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
          std::count(host.begin(), host.end(), '.') == 3);
}

SpConfig load_sp_config(const std::filesystem::path& file) {
  using namespace config;
  std::string name = file.string();
  nlohmann::json json = core::json::read_json_file(file);
  std::filesystem::path base_dir = std::filesystem::absolute(file).parent_path();
  SpConfig config;
  config.file = file;
  ObjectReader root(json, "", name);
  config.entity_id = root.string_or("entity_id", config.entity_id);
  config.base_url = root.string_or("base_url", "");
  if (!config.base_url.empty() && config.base_url.rfind("http://", 0) != 0 &&
      config.base_url.rfind("https://", 0) != 0) {
    root.fail("base_url", "an http:// or https:// URL");
  }
  if (const auto* listen = root.find("listen")) {
    ObjectReader reader(*listen, root.pointer("listen"), name);
    config.host = reader.string_or("host", config.host);
    if (!is_loopback_host(config.host)) {
      reader.fail("host", "a loopback host (127.0.0.1, ::1 or localhost)");
    }
    config.port = static_cast<int>(reader.integer_or("port", config.port, 0, 65535));
    reader.finish();
  }
  config.database = resolve_path(base_dir, root.string_or("database", "../../var/sp_under_test.sqlite"));
  std::string durability = root.string_or("database_durability", "process_crash");
  if (durability != "process_crash" && durability != "power_loss") {
    root.fail("database_durability", "\"process_crash\" or \"power_loss\"");
  }
  config.database_durability = durability == "power_loss" ? Durability::power_loss : Durability::process_crash;
  config.signing = read_credential(root, "signing", base_dir);
  config.encryption = read_credential(root, "encryption", base_dir);
  if (root.find("encryption_next") != nullptr) {
    config.encryption_next = read_credential(root, "encryption_next", base_dir);
  }
  config.sign_authn_requests = root.boolean_or("sign_authn_requests", true);
  config.relay_state = read_relay_state(root, "relay_state");
  config.session_lifetime = std::chrono::seconds(
      root.integer_or("session_lifetime_seconds", config.session_lifetime.count(), 60, 7 * 86400));
  config.policy = read_policy(root, "policy");
  config.trusted_idps = read_trusted_idps(root, "trusted_idps", base_dir);
  config.accounts = read_accounts(root, "accounts");
  root.finish();
  return config;
}

}  // namespace samlt::sp
