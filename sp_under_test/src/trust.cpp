// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/trust.hpp"

namespace samlt::sp {
namespace {

constexpr std::string_view k_sts_prefix = "https://sts.windows.net/";
constexpr std::string_view k_login_prefix = "https://login.microsoftonline.com/";

}  // namespace

core::Result<TrustedIdp> to_trusted(const IdpRecord& record) {
  TrustedIdp idp{record.name, record.entity_id, record.sso_url, record.slo_url, {}, record.enabled,
                 record.want_authn_requests_signed};
  for (const auto& pem : record.certificates_pem) {
    auto cert = core::Certificate::from_pem(pem);
    if (!cert) {
      return core::fail(cert.error().reason, "IdP '" + record.name + "': " + cert.error().detail);
    }
    idp.signing_certificates.push_back(std::move(*cert));
  }
  return idp;
}

core::Result<TrustStore> load_trust_store(Store& store) {
  auto records = store.list_idps();
  if (!records) {
    return core::fail(records.error());
  }
  TrustStore trust;
  for (const auto& record : *records) {
    auto idp = to_trusted(record);
    if (!idp) {
      return core::fail(idp.error());
    }
    trust.push_back(std::move(*idp));
  }
  return trust;
}

core::Result<std::shared_ptr<const TrustStore>> TrustCache::current(Store& store) {
  std::lock_guard lock(m_mutex);
  // The version is read before the rows: a change that lands in between is seen again next time.
  auto version = store.idps_version();
  if (!version) {
    return core::fail(version.error());
  }
  if (m_trust && m_version == *version) {
    return m_trust;
  }
  auto trust = load_trust_store(store);
  if (!trust) {
    return core::fail(trust.error());
  }
  m_trust = std::make_shared<const TrustStore>(std::move(*trust));
  m_version = *version;
  return m_trust;
}

const TrustedIdp* find_by_entity_id(const TrustStore& trust, std::string_view entity_id) {
  for (const auto& idp : trust) {
    if (idp.entity_id == entity_id) {
      return &idp;
    }
  }
  return nullptr;
}

const TrustedIdp* find_by_name(const TrustStore& trust, std::string_view name) {
  for (const auto& idp : trust) {
    if (idp.name == name) {
      return &idp;
    }
  }
  return nullptr;
}

bool is_logout_issuer_of(const TrustedIdp& idp, std::string_view issuer) {
  if (issuer == idp.entity_id) {
    return true;
  }
  // Entra signs its LogoutResponse as https://login.microsoftonline.com/{tid}/ although its SSO
  // entity ID is https://sts.windows.net/{tid}/ (entra-spec §4.3). Same tenant only.
  std::string_view entity(idp.entity_id);
  if (entity.rfind(k_sts_prefix, 0) != 0 || issuer.rfind(k_login_prefix, 0) != 0) {
    return false;
  }
  std::string_view tenant = entity.substr(k_sts_prefix.size());
  return !tenant.empty() && tenant != "/" && issuer.substr(k_login_prefix.size()) == tenant;
}

}  // namespace samlt::sp
