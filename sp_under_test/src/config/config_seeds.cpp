// SPDX-License-Identifier: Apache-2.0
// The "trusted_idps" and "accounts" seed sections of the configuration.
#include "config/config_parts.hpp"

#include <algorithm>
#include <set>

namespace samlt::sp::config {
namespace {

bool is_http_url(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

TrustedIdpSeed read_idp(const nlohmann::json& json, const std::string& pointer, std::string_view file,
                        const std::filesystem::path& base_dir) {
  ObjectReader r(json, pointer, file);
  TrustedIdpSeed seed;
  seed.name = r.string("name");
  seed.enabled = r.boolean_or("enabled", true);
  seed.metadata_url = r.string_or("metadata_url", "");
  std::string metadata_file = r.string_or("metadata_file", "");
  seed.entity_id = r.string_or("entity_id", "");
  seed.sso_url = r.string_or("sso_url", "");
  seed.slo_url = r.string_or("slo_url", "");
  std::string certificate_file = r.string_or("certificate_file", "");
  int sources = (seed.metadata_url.empty() ? 0 : 1) + (metadata_file.empty() ? 0 : 1) +
                (seed.entity_id.empty() && seed.sso_url.empty() && certificate_file.empty() ? 0 : 1);
  if (sources != 1) {
    r.fail("name", "exactly one of metadata_url, metadata_file, or entity_id + sso_url + certificate_file");
  }
  if (!seed.metadata_url.empty() && !is_http_url(seed.metadata_url)) {
    r.fail("metadata_url", "an http:// or https:// URL");
  }
  if (!metadata_file.empty()) {
    seed.metadata_file = resolve_path(base_dir, metadata_file);
  }
  if (!seed.entity_id.empty() || !seed.sso_url.empty() || !certificate_file.empty()) {
    if (seed.entity_id.empty()) {
      r.fail("entity_id", "a non-empty string (required with sso_url and certificate_file)");
    }
    if (!is_http_url(seed.sso_url)) {
      r.fail("sso_url", "an http:// or https:// URL (required with entity_id)");
    }
    if (certificate_file.empty()) {
      r.fail("certificate_file", "a PEM certificate file (required with entity_id)");
    }
    seed.certificate_file = resolve_path(base_dir, certificate_file);
  }
  if (!seed.slo_url.empty() && !is_http_url(seed.slo_url)) {
    r.fail("slo_url", "an http:// or https:// URL");
  }
  r.finish();
  return seed;
}

AccountSeed read_account(const nlohmann::json& json, const std::string& pointer, std::string_view file) {
  ObjectReader r(json, pointer, file);
  AccountSeed seed;
  seed.email = r.string("email");
  if (seed.email.find('@') == std::string::npos) {
    r.fail("email", "an email address");
  }
  seed.display_name = r.string_or("display_name", seed.email);
  seed.role = r.string_or("role", "user");
  seed.enabled = r.boolean_or("enabled", true);
  seed.sso_enabled = r.boolean_or("sso_enabled", true);
  seed.idp = r.string_or("idp", "");
  seed.password = r.string_or("password", "");
  if (seed.sso_enabled && seed.idp.empty()) {
    r.fail("idp", "the name of an IdP (required when sso_enabled is true)");
  }
  r.finish();
  return seed;
}

}  // namespace

std::vector<TrustedIdpSeed> read_trusted_idps(ObjectReader& parent, std::string_view key,
                                              const std::filesystem::path& base_dir) {
  std::vector<TrustedIdpSeed> out;
  const nlohmann::json* list = parent.find(key);
  if (list == nullptr) {
    return out;
  }
  if (!list->is_array()) {
    parent.fail(key, "an array of IdP objects");
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string pointer = child_pointer(parent.pointer(key), i);
    out.push_back(read_idp((*list)[i], pointer, parent.source(), base_dir));
    if (!names.insert(out.back().name).second) {
      config_fail(parent.source(), pointer + "/name", "a name not used by another IdP");
    }
  }
  return out;
}

std::vector<AccountSeed> read_accounts(ObjectReader& parent, std::string_view key) {
  std::vector<AccountSeed> out;
  const nlohmann::json* list = parent.find(key);
  if (list == nullptr) {
    return out;
  }
  if (!list->is_array()) {
    parent.fail(key, "an array of account objects");
  }
  std::set<std::string> emails;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string pointer = child_pointer(parent.pointer(key), i);
    out.push_back(read_account((*list)[i], pointer, parent.source()));
    std::string lower = out.back().email;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!emails.insert(lower).second) {
      config_fail(parent.source(), pointer + "/email", "an email not used by another account");
    }
  }
  return out;
}

}  // namespace samlt::sp::config
