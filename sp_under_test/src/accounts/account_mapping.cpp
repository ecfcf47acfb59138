// SPDX-License-Identifier: Apache-2.0
// account.map: from a verified sign-in to a local account.
#include "samlt/sp/validation/admission.hpp"

namespace samlt::sp {

// The account is the one whose email is the signed-in email (or, without an email, the NameID),
// compared without case. It must be enabled, have SSO enabled, and be linked to the IdP that
// signed the Assertion: an identity asserted by one IdP never opens an account linked to another
// (attack-catalogue ACCT-CROSS-IDP; mission seed 000 links each account to one IdP).
//
// This is the hook for the account behaviours of the mission seeds: just-in-time provisioning of
// unknown users (seed 004) and SSO-only switches (seed 000) go here, before the session.
core::Result<Account> map_account(const Context&, const Evidence& ev, Store& store) {
  const std::string& key = ev.email.empty() ? ev.name_id : ev.email;
  auto found = store.find_account(key);
  if (!found) {
    return core::fail(found.error());
  }
  if (!*found) {
    return core::fail(core::Reason::account_unknown, "no account for '" + key + "'");
  }
  const Account& account = **found;
  if (!account.enabled) {
    return core::fail(core::Reason::account_disabled, "account '" + account.email + "' is disabled");
  }
  if (!account.sso_enabled) {
    return core::fail(core::Reason::account_sso_disabled, "account '" + account.email + "' does not use SSO");
  }
  if (account.idp != ev.idp->name) {
    return core::fail(core::Reason::account_idp_mismatch, "account '" + account.email + "' is linked to IdP '" +
                                                              account.idp + "', not '" + ev.idp->name + "'");
  }
  return account;
}

}  // namespace samlt::sp
