// SPDX-License-Identifier: Apache-2.0
// The top level of the configuration: tenant, credentials, signing certificates, apps, users.
#include "samlt/idp/idp_config.hpp"

#include "config/config_parts.hpp"
#include "samlt/core/fs.hpp"

#include <set>

namespace samlt::idp {
namespace {

using config::ObjectReader;

// Identifiers resolve an AuthnRequest Issuer to one app, so they must be unique in the tenant.
void check_unique(const IdpConfig& cfg) {
  std::set<std::string> app_ids;
  std::set<std::string> identifiers;
  for (std::size_t i = 0; i < cfg.apps.size(); ++i) {
    std::string at = "/apps/" + std::to_string(i);
    if (!app_ids.insert(cfg.apps[i].app_id).second) {
      config::config_fail(cfg.source, at + "/app_id", "an app_id no other app uses");
    }
    for (const auto& identifier : cfg.apps[i].identifiers) {
      if (!identifiers.insert(identifier).second) {
        config::config_fail(cfg.source, at + "/identifiers",
                            "identifiers no other app uses ('" + identifier + "' is taken)");
      }
    }
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < cfg.users.size(); ++i) {
    std::string at = "/users/" + std::to_string(i);
    if (!names.insert(cfg.users[i].object_id).second) {
      config::config_fail(cfg.source, at + "/object_id", "an object_id no other user has");
    }
    if (!names.insert(cfg.users[i].user_principal_name).second) {
      config::config_fail(cfg.source, at + "/user_principal_name", "a UPN no other user has");
    }
  }
}

IdpConfig read_config(const nlohmann::json& json, std::string_view source,
                      const std::filesystem::path& base_dir) {
  IdpConfig cfg;
  cfg.source = std::string(source);
  ObjectReader top(json, "", source);
  cfg.tenant_id = top.guid("tenant_id");
  cfg.tenant_name = top.string_or("tenant_name", "Contoso");
  cfg.public_base_url = top.optional_string("public_base_url");
  if (cfg.public_base_url && cfg.public_base_url->back() == '/') {
    top.fail("public_base_url", "an absolute http(s) URL without a trailing slash");
  }
  config::read_credentials(top, base_dir, cfg);
  cfg.signing_certificates = config::read_signing_certificates(top, cfg, true);
  cfg.tokens = config::read_tokens(top);
  cfg.clock_offset = std::chrono::seconds(
      top.integer_or("clock_offset_seconds", 0, -10LL * 365 * 86400, 10LL * 365 * 86400));
  cfg.knobs = config::read_knobs(top);
  cfg.limits = config::read_limits(top);
  if (const nlohmann::json* tls = top.find("tls")) {
    ObjectReader t(*tls, top.pointer("tls"), source);
    cfg.tls_credential = t.string("credential");
    const auto& named =
        config::credential_named(cfg, source, t.pointer("credential"), *cfg.tls_credential);
    if (named.key_file.empty()) {
      t.fail("credential", "a credential with a private key file");
    }
    t.finish();
  }
  if (const nlohmann::json* apps = top.find("apps"); apps != nullptr) {
    if (!apps->is_array()) {
      top.fail("apps", "an array of enterprise applications");
    }
    for (std::size_t i = 0; i < apps->size(); ++i) {
      cfg.apps.push_back(config::read_app((*apps)[i], config::child_pointer("/apps", i), cfg));
    }
  }
  if (const nlohmann::json* users = top.find("users"); users != nullptr) {
    if (!users->is_array()) {
      top.fail("users", "an array of directory users");
    }
    for (std::size_t i = 0; i < users->size(); ++i) {
      cfg.users.push_back(
          config::read_user((*users)[i], config::child_pointer("/users", i), source));
    }
  }
  top.finish();
  check_unique(cfg);
  return cfg;
}

}  // namespace

const ReplyUrl* App::default_reply_url() const {
  for (const auto& reply : reply_urls) {
    if (reply.is_default) {
      return &reply;
    }
  }
  return reply_urls.empty() ? nullptr : &reply_urls.front();
}

core::Result<IdpConfig> idp_config_from_json(const nlohmann::json& json,
                                             std::string_view source_name,
                                             const std::filesystem::path& base_dir) {
  try {
    return read_config(json, source_name, base_dir);
  } catch (const core::Fatal& error) {
    return core::fail(core::Reason::config_invalid, error.what());
  }
}

core::Result<App> app_from_json(const nlohmann::json& json, std::string_view pointer,
                                const IdpConfig& config) {
  try {
    return config::read_app(json, std::string(pointer), config);
  } catch (const core::Fatal& error) {
    return core::fail(core::Reason::config_invalid, error.what());
  }
}

IdpConfig load_idp_config(const std::filesystem::path& path) {
  nlohmann::json json = core::json::read_json_file(path);
  return read_config(json, path.string(), path.parent_path().empty() ? "." : path.parent_path());
}

core::Result<User> user_from_json(const nlohmann::json& json, std::string_view pointer, std::string_view source) {
  try {
    return config::read_user(json, std::string(pointer), source);
  } catch (const core::Fatal& error) {
    return core::fail(core::Reason::config_invalid, error.what());
  }
}

}  // namespace samlt::idp
