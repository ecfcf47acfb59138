// SPDX-License-Identifier: Apache-2.0
// ServiceProvider: password login and sessions.
#include "service_provider_impl.hpp"

#include "accounts/password.hpp"
#include "samlt/core/random.hpp"

namespace samlt::sp {

core::Result<SessionRecord> ServiceProvider::password_login(std::string_view email, std::string_view password) {
  auto found = m_impl->store.find_account(email);
  if (!found) {
    return core::fail(found.error());
  }
  // One answer for "unknown account", "no password" and "wrong password": no account enumeration.
  // The precise cause goes to the log only.
  std::string cause;
  if (!*found) {
    cause = "unknown account";
  } else if ((*found)->password_hash.empty()) {
    cause = "the account has no password";
  } else if (!verify_password(password, (*found)->password_hash)) {
    cause = "wrong password";
  }
  if (!cause.empty()) {
    m_impl->log_event("login.password", {{"outcome", "reject"}, {"reason", "account.password_invalid"},
                                         {"email", email}, {"detail", cause}});
    return core::fail(core::Reason::account_password_invalid, "email or password is wrong");
  }
  const Account& account = **found;
  if (!account.enabled) {
    m_impl->log_event("login.password", {{"outcome", "reject"}, {"reason", "account.disabled"}, {"email", email}});
    return core::fail(core::Reason::account_disabled, "account '" + account.email + "' is disabled");
  }
  core::TimePoint now = m_impl->clock.now();
  SessionRecord session{core::to_hex(core::random_bytes(32)), account.email, "", "", "", "", "", "{}", now,
                        now + m_impl->config.session_lifetime};
  if (auto created = m_impl->store.create_session(session); !created) {
    return core::fail(created.error());
  }
  m_impl->log_event("login.password", {{"outcome", "accept"}, {"email", account.email}, {"role", account.role}});
  return session;
}

core::Result<SessionRecord> ServiceProvider::find_session(std::string_view session_id) {
  if (session_id.empty()) {
    return core::fail(core::Reason::session_missing, "no session cookie");
  }
  auto found = m_impl->store.find_session(session_id, m_impl->clock.now());
  if (!found) {
    return core::fail(found.error());
  }
  if (!*found) {
    return core::fail(core::Reason::session_missing, "no such session, or it has expired");
  }
  return std::move(**found);
}

core::Result<Account> ServiceProvider::account_of(const SessionRecord& session) {
  auto found = m_impl->store.find_account(session.account_email);
  if (!found) {
    return core::fail(found.error());
  }
  if (!*found) {
    return core::fail(core::Reason::session_missing, "the session's account no longer exists");
  }
  return std::move(**found);
}

core::Result<void> ServiceProvider::end_session(std::string_view session_id) {
  if (auto deleted = m_impl->store.delete_session(session_id); !deleted) {
    return core::fail(deleted.error());
  }
  m_impl->log_event("session.ended", {{"how", "local"}});
  return {};
}

}  // namespace samlt::sp
