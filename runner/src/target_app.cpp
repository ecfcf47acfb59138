// SPDX-License-Identifier: Apache-2.0
#include "target_app.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>

namespace samlt::runner {
namespace {

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < size; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

// The entity ID, ACS and login URL the target file gives always win over the app's own.
nlohmann::json target_settings(const Target& target) {
  nlohmann::json app = {{"identifiers", {{{"value", target.entity_id}, {"default", true}}}},
                        {"reply_urls", {{{"url", target.acs_url}, {"index", 0}, {"default", true}}}}};
  if (target.login_url) {
    app["sign_on_url"] = *target.login_url;
  }
  return app;
}

}  // namespace

std::string target_app_id(const std::string& entity_id) {
  std::string hex = sha256_hex("samlt target app: " + entity_id);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

RegisteredTarget register_target(idp::IdpConfig config, const Target& target, const ResolvedTarget& resolved) {
  if (resolved.encryption_certificate) {
    idp::NamedCredential named;
    named.credential.certificate = *resolved.encryption_certificate;
    config.credential_files[k_target_encryption_credential] = named;
    config.credentials[k_target_encryption_credential] = named.credential;
  }
  if (resolved.next_encryption_certificate) {
    idp::NamedCredential named;
    named.credential.certificate = *resolved.next_encryption_certificate;
    config.credential_files[k_target_next_encryption_credential] = named;
    config.credentials[k_target_next_encryption_credential] = named.credential;
  }
  nlohmann::json app;
  std::string pointer;
  auto existing = std::find_if(config.apps.begin(), config.apps.end(),
                               [&](const idp::App& a) { return a.app_id == target.idp_app_id; });
  if (!target.idp_app_id.empty()) {
    if (existing == config.apps.end()) {
      throw core::Fatal(target.file.string() + ": /idp/app_id: an app id of " + target.idp_config.string() +
                        " (or leave app_id out and the runner registers the target itself)");
    }
    app = existing->source;
    pointer = "/idp/app_id";
  } else {
    app = {{"app_id", target_app_id(target.entity_id)}, {"display_name", target.name}};
    app.merge_patch(target.idp_app);
    if (target.idp_app.contains("app_id")) {
      throw core::Fatal(target.file.string() + ": /idp/app/app_id: no app_id (the runner derives it from the entity ID)");
    }
    pointer = "/idp/app";
  }
  app.merge_patch(target_settings(target));
  if (resolved.encryption_certificate && !target.idp_app.contains("token_encryption")) {
    app["token_encryption"]["certificate"] = k_target_encryption_credential;
  }
  auto read = idp::app_from_json(app, pointer, config);
  if (!read) {
    throw core::Fatal(target.file.string() + ": " + pointer + ": the app the runner registers is invalid: " +
                      read.error().detail);
  }
  std::string app_id = read->app_id;
  // One identifier names one app in a tenant (Entra refuses to save a duplicate), so the target's
  // app replaces the one it updates and any other app that carries its entity ID.
  config.apps.erase(std::remove_if(config.apps.begin(), config.apps.end(),
                                   [&](const idp::App& a) {
                                     return a.app_id == app_id ||
                                            std::find(a.identifiers.begin(), a.identifiers.end(),
                                                      target.entity_id) != a.identifiers.end();
                                   }),
                    config.apps.end());
  config.apps.push_back(std::move(*read));
  return {std::move(config), app_id};
}

}  // namespace samlt::runner
