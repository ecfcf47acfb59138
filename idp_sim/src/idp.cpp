// SPDX-License-Identifier: Apache-2.0
#include "samlt/idp/idp.hpp"

#include <algorithm>
#include <cctype>

namespace samlt::idp {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool valid_at(const SigningCertificate& cert, core::TimePoint now) {
  return cert.credential.certificate.not_before() <= now &&
         now < cert.credential.certificate.not_after();
}

}  // namespace

std::string Idp::issuer() const {
  return "https://sts.windows.net/" + m_config.tenant_id + "/";
}

std::string Idp::logout_issuer() const {
  return "https://login.microsoftonline.com/" + m_config.tenant_id + "/";
}

const App* Idp::find_app(std::string_view app_id) const {
  for (const auto& app : m_config.apps) {
    if (app.app_id == app_id) {
      return &app;
    }
  }
  return nullptr;
}

// entra-spec §3.2: the Issuer must *exactly* match an identifier (case-sensitive).
const App* Idp::app_by_identifier(std::string_view identifier) const {
  for (const auto& app : m_config.apps) {
    if (std::find(app.identifiers.begin(), app.identifiers.end(), identifier) !=
        app.identifiers.end()) {
      return &app;
    }
  }
  return nullptr;
}

const User* Idp::find_user(std::string_view upn_or_object_id) const {
  for (const auto& user : m_config.users) {
    if (iequals(user.user_principal_name, upn_or_object_id) || user.object_id == upn_or_object_id) {
      return &user;
    }
  }
  return nullptr;
}

const std::vector<SigningCertificate>& Idp::signing_certificates(const App& app) const {
  return app.signing_certificates.empty() ? m_config.signing_certificates
                                          : app.signing_certificates;
}

core::Result<const SigningCertificate*> Idp::signing_certificate(const App& app,
                                                                 core::TimePoint now) const {
  return choose_signing_certificate(signing_certificates(app), now);
}

core::Result<const SigningCertificate*> choose_signing_certificate(
    const std::vector<SigningCertificate>& certs, core::TimePoint now) {
  const SigningCertificate* active = nullptr;
  for (const auto& cert : certs) {
    if (cert.active) {
      active = &cert;
    }
  }
  if (active != nullptr && valid_at(*active, now)) {
    return active;
  }
  for (const auto& cert : certs) {
    if (!cert.active && valid_at(cert, now)) {
      return &cert;  // D12: a valid inactive certificate takes over from an expired active one
    }
  }
  if (active == nullptr) {
    return core::fail(core::Reason::idp_signing_key_missing, "no active signing certificate");
  }
  return active;
}

core::Result<App> Idp::app_with_overrides(const App& app, const nlohmann::json& overrides) const {
  if (overrides.is_null() || (overrides.is_object() && overrides.empty())) {
    return app;
  }
  if (!overrides.is_object()) {
    return core::fail(core::Reason::config_invalid, "app_overrides: expected an object");
  }
  nlohmann::json merged = app.source;
  merged.merge_patch(overrides);
  return app_from_json(merged, "/app_overrides", m_config);
}

bool Idp::is_assigned(const App& app, const User& user) const {
  for (const auto& entry : app.assigned) {
    if (iequals(entry, user.user_principal_name) || entry == user.object_id ||
        std::find(user.groups.begin(), user.groups.end(), entry) != user.groups.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace samlt::idp
