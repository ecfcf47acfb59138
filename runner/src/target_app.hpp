// SPDX-License-Identifier: Apache-2.0
// The target as an enterprise app of the IdP the runner plays: registered from its entity ID, ACS
// URL, login URL and encryption certificate, as an Entra admin would register it, so that no
// app has to exist in the IdP configuration beforehand.
#pragma once

#include "samlt/idp/idp_config.hpp"
#include "samlt/runner/target.hpp"
#include "target_resolve.hpp"

#include <string>

namespace samlt::runner {

struct RegisteredTarget {
  idp::IdpConfig config;  // the IdP configuration with the target's app in it
  std::string app_id;
};

// The credential name the target's encryption certificate gets in the IdP configuration.
inline constexpr const char* k_target_encryption_credential = "target-encryption";
// … and the second one its SP metadata lists (a rollover); a scenario names it in
// token_encryption.certificate.
inline constexpr const char* k_target_next_encryption_credential = "target-encryption-next";

// An app id derived from the entity ID (a lower-case GUID, the same on every run), so that the
// IdP metadata URL a vendor configures once stays valid.
std::string target_app_id(const std::string& entity_id);

// Registers the target in `config`: with target.idp_app_id, the existing app gets the target's
// entity ID as Identifier and its ACS URL as default Reply URL; otherwise a new app is added with
// Entra's defaults and the target's idp.app settings merged over them. Either way an encryption
// certificate found for the target becomes the app's token-encryption certificate (encryption
// stays off until a scenario turns it on). Throws core::Fatal naming the target file when the
// app id is unknown or the settings are invalid.
RegisteredTarget register_target(idp::IdpConfig config, const Target& target, const ResolvedTarget& resolved);

}  // namespace samlt::runner
