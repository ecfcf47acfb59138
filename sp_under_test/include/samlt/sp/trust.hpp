// SPDX-License-Identifier: Apache-2.0
// The trust store: the registered IdPs with their parsed signing certificates. Keys come only from
// here, never from a message (attack-catalogue §0.4 invariant 5).
#pragma once

#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/sp/store.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp {

struct TrustedIdp {
  std::string name;
  std::string entity_id;
  std::string sso_url;
  std::string slo_url;
  std::vector<core::Certificate> signing_certificates;
  bool enabled = true;
  bool want_authn_requests_signed = false;
};

using TrustStore = std::vector<TrustedIdp>;

// Parses the record's PEM certificates. Fails with key.pem_invalid.
core::Result<TrustedIdp> to_trusted(const IdpRecord& record);

// Every registered IdP (enabled or not: the pipeline tells "disabled" from "unknown").
// Fails with store.failed or key.pem_invalid.
core::Result<TrustStore> load_trust_store(Store& store);

// The trust store, rebuilt from the Store (every PEM parsed again) only when
// Store::idps_version() moves, not on every message (issue 15). Thread-safe; a snapshot stays
// whole for as long as its holder keeps it, whatever changes meanwhile.
class TrustCache {
 public:
  // Fails as load_trust_store does; a failure is not cached.
  core::Result<std::shared_ptr<const TrustStore>> current(Store& store);

 private:
  std::mutex m_mutex;
  std::optional<std::uint64_t> m_version;
  std::shared_ptr<const TrustStore> m_trust;
};

// nullptr when absent. The pointers live as long as `trust`.
const TrustedIdp* find_by_entity_id(const TrustStore& trust, std::string_view entity_id);
const TrustedIdp* find_by_name(const TrustStore& trust, std::string_view name);

// True when `issuer` names `idp` on a logout message. Besides the entity ID this accepts Entra's
// one documented alias: its LogoutResponse Issuer is https://login.microsoftonline.com/{tid}/
// while its entity ID is https://sts.windows.net/{tid}/ (entra-spec §4.3, [DOC D2]). The tenant
// id must be the same, so no other tenant's messages match.
bool is_logout_issuer_of(const TrustedIdp& idp, std::string_view issuer);

}  // namespace samlt::sp
