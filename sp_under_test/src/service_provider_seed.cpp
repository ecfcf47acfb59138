// SPDX-License-Identifier: Apache-2.0
// ServiceProvider: seeding the database from the configuration at start.
#include "service_provider_impl.hpp"

#include "accounts/password.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/sp/metadata_fetch.hpp"

namespace samlt::sp {

core::Result<void> ServiceProvider::seed_accounts() {
  for (const auto& seed : m_impl->config.accounts) {
    Account account{seed.email, seed.display_name, seed.role, seed.enabled, seed.sso_enabled, seed.idp,
                    seed.password.empty() ? "" : hash_password(seed.password)};
    if (auto inserted = m_impl->store.insert_account_if_absent(account); !inserted) {
      return core::fail(inserted.error());
    }
  }
  return {};
}

core::Result<bool> ServiceProvider::seed_idp(const TrustedIdpSeed& seed) {
  auto existing = m_impl->store.find_idp(seed.name);
  if (!existing) {
    return core::fail(existing.error());
  }
  if (!seed.metadata_url.empty()) {
    auto xml = fetch_metadata(seed.metadata_url);
    if (!xml) {
      return *existing ? core::Result<bool>(true) : core::fail(xml.error());
    }
    auto registered = m_impl->register_metadata(seed.name, *xml, seed.metadata_url, seed.enabled);
    return registered ? core::Result<bool>(true) : core::fail(registered.error());
  }
  if (*existing) {
    return true;
  }
  core::Result<TrustedIdp> registered = core::fail(core::Reason::internal_error, "no source");
  if (!seed.metadata_file.empty()) {
    auto xml = core::read_file(seed.metadata_file);
    if (!xml) {
      return core::fail(xml.error());
    }
    registered = m_impl->register_metadata(seed.name, *xml, "", seed.enabled);
  } else {
    auto pem = core::read_file(seed.certificate_file);
    if (!pem) {
      return core::fail(pem.error());
    }
    registered = register_idp_manual(seed.name, seed.entity_id, seed.sso_url, *pem, seed.slo_url);
    if (registered && !seed.enabled) {
      if (auto off = set_idp_enabled(seed.name, false); !off) {
        return core::fail(off.error());
      }
    }
  }
  return registered ? core::Result<bool>(true) : core::fail(registered.error());
}

}  // namespace samlt::sp
