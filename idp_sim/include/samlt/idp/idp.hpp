// SPDX-License-Identifier: Apache-2.0
// Idp: one loaded tenant (configuration plus credentials), immutable after construction and shared
// by the HTTP server, issue_response() and the runner. Thread-safe: all members are const.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/idp_config.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace samlt::idp {

// The certificate that signs at `now` among `certificates` (entra-spec §6.1): the active one while
// valid; when it has expired and an inactive valid one exists, that one; else the expired active
// one (Entra keeps signing with it). Fails with idp.signing_key_missing when there is none.
core::Result<const SigningCertificate*> choose_signing_certificate(
    const std::vector<SigningCertificate>& certificates, core::TimePoint now);

class Idp {
 public:
  explicit Idp(IdpConfig config) : m_config(std::move(config)) {}

  const IdpConfig& config() const { return m_config; }
  const std::string& tenant_id() const { return m_config.tenant_id; }

  // `https://sts.windows.net/{tid}/`: entityID and SSO Issuer (entra-spec §0).
  std::string issuer() const;
  // `https://login.microsoftonline.com/{tid}/`: the LogoutResponse Issuer (entra-spec §4.3).
  std::string logout_issuer() const;

  // nullptr when absent. find_user matches the UPN case-insensitively, or the object id.
  const App* find_app(std::string_view app_id) const;
  const App* app_by_identifier(std::string_view identifier) const;
  const User* find_user(std::string_view upn_or_object_id) const;

  // The app's own signing certificates, else the tenant's.
  const std::vector<SigningCertificate>& signing_certificates(const App& app) const;

  // choose_signing_certificate() over signing_certificates(app).
  core::Result<const SigningCertificate*> signing_certificate(const App& app,
                                                              core::TimePoint now) const;

  // `app` with `overrides` (a partial apps[] entry) merged over its configuration (RFC 7396) and
  // validated like the file. Fails with config.invalid (detail: pointer and expectation).
  core::Result<App> app_with_overrides(const App& app, const nlohmann::json& overrides) const;

  // Whether `user` may use `app` ("Assignment required?", entra-spec §3.6): assigned directly by
  // UPN or object id, or through a directly assigned group.
  bool is_assigned(const App& app, const User& user) const;

 private:
  IdpConfig m_config;
};

}  // namespace samlt::idp
