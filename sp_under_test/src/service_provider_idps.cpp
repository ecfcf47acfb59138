// SPDX-License-Identifier: Apache-2.0
// ServiceProvider: the trust store (registering IdPs from metadata or by hand) and seeding.
#include "service_provider_impl.hpp"

#include "samlt/sp/metadata_fetch.hpp"
#include "samlt/sp/metadata_import.hpp"

#include <algorithm>

namespace samlt::sp {
namespace {

auto invalid(std::string why) { return core::fail(core::Reason::config_invalid, std::move(why)); }

bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool is_http_url(std::string_view url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

// SAML2int IIP-MD04 (attack-catalogue MD-VALIDITY): how long the document claims to stay valid,
// bounded as the policy says (a past validUntil is already metadata.invalid).
core::Result<void> check_freshness(const IdpMetadata& metadata, core::TimePoint now, const Policy& policy) {
  if (!metadata.valid_until) {
    if (policy.require_metadata_valid_until) {
      return core::fail(core::Reason::metadata_valid_until_missing, "the metadata carries no validUntil");
    }
    return {};
  }
  auto limit = now + std::chrono::days(policy.max_metadata_validity_days);
  if (policy.max_metadata_validity_days > 0 && *metadata.valid_until > limit) {
    return core::fail(core::Reason::metadata_valid_until_too_far,
                      "validUntil is more than " + std::to_string(policy.max_metadata_validity_days) + " days ahead");
  }
  return {};
}

}  // namespace

core::Result<TrustedIdp> ServiceProvider::Impl::save_idp(IdpRecord record, std::string_view how) {
  auto all = store.list_idps();
  if (!all) {
    return core::fail(all.error());
  }
  for (const auto& other : *all) {
    if (other.name != record.name && other.entity_id == record.entity_id) {
      return invalid("entity ID '" + record.entity_id + "' is already registered as IdP '" + other.name + "'");
    }
  }
  auto trusted = to_trusted(record);
  if (!trusted) {
    return core::fail(trusted.error());
  }
  if (auto saved = store.upsert_idp(record); !saved) {
    return core::fail(saved.error());
  }
  log_event("idp.registered", {{"idp", record.name},
                               {"entity_id", record.entity_id},
                               {"how", how},
                               {"certificates", record.certificates_pem.size()},
                               {"enabled", record.enabled}});
  return trusted;
}

core::Result<TrustedIdp> ServiceProvider::Impl::register_metadata(std::string_view name, std::string_view xml,
                                                                  std::string_view metadata_url, bool enabled_if_new) {
  if (!valid_name(name)) {
    return invalid("IdP name '" + std::string(name) + "' is not 1-64 letters, digits, '-', '_' or '.'");
  }
  auto parsed = parse_idp_metadata(xml, clock.now());
  if (!parsed) {
    return core::fail(parsed.error());
  }
  if (auto fresh = check_freshness(*parsed, clock.now(), config.policy); !fresh) {
    return core::fail(fresh.error());
  }
  auto existing = store.find_idp(name);
  if (!existing) {
    return core::fail(existing.error());
  }
  // A new IdP is trusted on first use: the admin importing the file vouches for it, as in every
  // SaaS SSO setup screen (mission seed 000). A refresh of an IdP that is already trusted (admin
  // "Refresh", the CLI, startup seeding from metadata_url, which is often plain http) must be signed
  // on its root by a key trusted for that IdP now, signed or not as it arrives, so whoever answers
  // the metadata URL cannot swap the keys (SAML2int IIP-MD03; attack-catalogue MD-UNSIGNED,
  // MD-WRONG-SIGNER, MD-XSW, MD-DYNAMIC-UNFILTERED), and must describe the same entity, so one
  // IdP's metadata cannot take over another IdP's record (SAML2int IIP-MD01; MD-ENTITYID-MISMATCH).
  if (*existing) {
    auto current = to_trusted(**existing);
    if (!current) {
      return core::fail(current.error());
    }
    if (auto ok = verify_metadata_signature(xml, current->signing_certificates, config.policy); !ok) {
      return core::fail(ok.error());
    }
    if (parsed->entity_id != (*existing)->entity_id) {
      return core::fail(core::Reason::metadata_entity_id_mismatch, "the metadata describes '" + parsed->entity_id +
                                                                       "', IdP '" + std::string(name) + "' is '" +
                                                                       (*existing)->entity_id + "'");
    }
  }
  IdpRecord record{std::string(name), parsed->entity_id, parsed->sso_url, parsed->slo_url, {},
                   *existing ? (*existing)->enabled : enabled_if_new, parsed->want_authn_requests_signed,
                   !metadata_url.empty() ? std::string(metadata_url) : (*existing ? (*existing)->metadata_url : "")};
  for (const auto& cert : parsed->signing_certificates) {
    record.certificates_pem.push_back(cert.pem());
  }
  return save_idp(std::move(record), *existing ? "metadata refresh" : "metadata import");
}

core::Result<TrustedIdp> ServiceProvider::register_idp_from_metadata(std::string_view name, std::string_view xml,
                                                                     std::string_view metadata_url) {
  return m_impl->register_metadata(name, xml, metadata_url, true);
}

core::Result<TrustedIdp> ServiceProvider::register_idp_manual(std::string_view name, std::string_view entity_id,
                                                              std::string_view sso_url, std::string_view certificate_pem,
                                                              std::string_view slo_url) {
  if (!valid_name(name)) {
    return invalid("IdP name '" + std::string(name) + "' is not 1-64 letters, digits, '-', '_' or '.'");
  }
  if (entity_id.empty()) {
    return invalid("the entity ID is empty");
  }
  if (!is_http_url(sso_url) || (!slo_url.empty() && !is_http_url(slo_url))) {
    return invalid("the SSO and SLO URLs must be http(s) URLs");
  }
  auto cert = core::Certificate::from_pem(certificate_pem);
  if (!cert) {
    return core::fail(cert.error());
  }
  auto existing = m_impl->store.find_idp(name);
  if (!existing) {
    return core::fail(existing.error());
  }
  IdpRecord record{std::string(name), std::string(entity_id), std::string(sso_url), std::string(slo_url),
                   {cert->pem()}, *existing ? (*existing)->enabled : true, false, ""};
  return m_impl->save_idp(std::move(record), "manual");
}

core::Result<TrustedIdp> ServiceProvider::refresh_idp(std::string_view name) {
  auto existing = m_impl->store.find_idp(name);
  if (!existing) {
    return core::fail(existing.error());
  }
  if (!*existing || (*existing)->metadata_url.empty()) {
    return invalid("IdP '" + std::string(name) + "' has no metadata URL to refresh from");
  }
  auto xml = fetch_metadata((*existing)->metadata_url);
  if (!xml) {
    return core::fail(xml.error());
  }
  return m_impl->register_metadata(name, *xml, (*existing)->metadata_url, true);
}

core::Result<void> ServiceProvider::set_idp_enabled(std::string_view name, bool enabled) {
  auto changed = m_impl->store.set_idp_enabled(name, enabled);
  if (!changed) {
    return core::fail(changed.error());
  }
  if (!*changed) {
    return invalid("no IdP named '" + std::string(name) + "'");
  }
  m_impl->log_event(enabled ? "idp.enabled" : "idp.disabled", {{"idp", name}});
  return {};
}

core::Result<void> ServiceProvider::remove_idp(std::string_view name) {
  auto removed = m_impl->store.remove_idp(name);
  if (!removed) {
    return core::fail(removed.error());
  }
  if (!*removed) {
    return invalid("no IdP named '" + std::string(name) + "'");
  }
  m_impl->log_event("idp.removed", {{"idp", name}});
  return {};
}

core::Result<std::vector<IdpRecord>> ServiceProvider::list_idps() { return m_impl->store.list_idps(); }

}  // namespace samlt::sp
