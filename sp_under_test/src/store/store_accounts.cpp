// SPDX-License-Identifier: Apache-2.0
// The accounts table. Emails are stored lower-case so that lookups ignore case.
#include "store/store_internal.hpp"

namespace samlt::sp {
namespace {

using namespace store_detail;

#define ACCOUNT_COLUMNS "email, display_name, role, enabled, sso_enabled, idp, password_hash"

Account read_row(const Statement& select) {
  Account account;
  account.email = select.text(0);
  account.display_name = select.text(1);
  account.role = select.text(2);
  account.enabled = select.integer(3) != 0;
  account.sso_enabled = select.integer(4) != 0;
  account.idp = select.text(5);
  account.password_hash = select.text(6);
  return account;
}

}  // namespace

core::Result<bool> Store::insert_account_if_absent(const Account& account) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<bool> {
    return statement(impl,
                     "INSERT OR IGNORE INTO accounts (" ACCOUNT_COLUMNS
                     ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                     "insert_account")
        .bind(lower_case(account.email))
        .bind(account.display_name)
        .bind(account.role)
        .bind(std::int64_t{account.enabled})
        .bind(std::int64_t{account.sso_enabled})
        .bind(account.idp)
        .bind(account.password_hash)
        .run()
        .map([](int changed) { return changed == 1; });
  });
}

core::Result<std::optional<Account>> Store::find_account(std::string_view email) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<std::optional<Account>> {
    auto select =
        statement(impl, "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE email = ?", "find_account");
    auto row = select.bind(lower_case(email)).next();
    if (!row) {
      return core::fail(row.error());
    }
    return *row ? std::optional<Account>(read_row(select)) : std::nullopt;
  });
}

core::Result<std::vector<Account>> Store::list_accounts() {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<std::vector<Account>> {
    auto select =
        statement(impl, "SELECT " ACCOUNT_COLUMNS " FROM accounts ORDER BY email", "list_accounts");
    std::vector<Account> out;
    for (;;) {
      auto row = select.next();
      if (!row) {
        return core::fail(row.error());
      }
      if (!*row) {
        return out;
      }
      out.push_back(read_row(select));
    }
  });
}

}  // namespace samlt::sp

#undef ACCOUNT_COLUMNS
