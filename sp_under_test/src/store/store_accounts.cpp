// SPDX-License-Identifier: Apache-2.0
// The accounts table. Emails are stored lower-case so that lookups ignore case.
#include "store/store_internal.hpp"

namespace samlt::sp {
namespace {

using namespace Poco::Data::Keywords;
using namespace store_detail;

constexpr const char* k_columns = "email, display_name, role, enabled, sso_enabled, idp, password_hash";

std::vector<Account> read_rows(Poco::Data::Statement& select) {
  Poco::Data::RecordSet rows(select);
  std::vector<Account> out;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    Account account;
    account.email = text(rows, 0, row);
    account.display_name = text(rows, 1, row);
    account.role = text(rows, 2, row);
    account.enabled = integer(rows, 3, row) != 0;
    account.sso_enabled = integer(rows, 4, row) != 0;
    account.idp = text(rows, 5, row);
    account.password_hash = text(rows, 6, row);
    out.push_back(std::move(account));
  }
  return out;
}

}  // namespace

core::Result<bool> Store::insert_account_if_absent(const Account& account) {
  return guarded(*m_impl, "insert_account", [&](Poco::Data::Session& session) -> core::Result<bool> {
    Poco::Int64 enabled = account.enabled ? 1 : 0;
    Poco::Int64 sso = account.sso_enabled ? 1 : 0;
    session << "INSERT OR IGNORE INTO accounts (" << k_columns << ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        bind(lower_case(account.email)), bind(account.display_name), bind(account.role), bind(enabled),
        bind(sso), bind(account.idp), bind(account.password_hash), now;
    return changes(session) == 1;
  });
}

core::Result<std::optional<Account>> Store::find_account(std::string_view email) {
  return guarded(*m_impl, "find_account", [&](Poco::Data::Session& session) -> core::Result<std::optional<Account>> {
    Poco::Data::Statement select(session);
    select << "SELECT " << k_columns << " FROM accounts WHERE email = ?", bind(lower_case(email)), now;
    auto rows = read_rows(select);
    if (rows.empty()) {
      return std::optional<Account>();
    }
    return std::optional<Account>(std::move(rows.front()));
  });
}

core::Result<std::vector<Account>> Store::list_accounts() {
  return guarded(*m_impl, "list_accounts", [&](Poco::Data::Session& session) -> core::Result<std::vector<Account>> {
    Poco::Data::Statement select(session);
    select << "SELECT " << k_columns << " FROM accounts ORDER BY email", now;
    return read_rows(select);
  });
}

}  // namespace samlt::sp
