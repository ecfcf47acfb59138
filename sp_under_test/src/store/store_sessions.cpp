// SPDX-License-Identifier: Apache-2.0
// The sessions table (the samlt_sp_session cookie names a row).
#include "store/store_internal.hpp"

namespace samlt::sp {
namespace {

using namespace store_detail;

}  // namespace

core::Result<void> Store::create_session(const SessionRecord& s) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<void> {
    std::int64_t created = to_millis(s.created_at);
    auto purged = statement(impl, "DELETE FROM sessions WHERE expires_at <= ?", "create_session")
                      .bind(created)
                      .run();
    if (!purged) {
      return core::fail(purged.error());
    }
    return statement(
               impl,
               "INSERT INTO sessions (id, account_email, idp, issuer, name_id, name_id_format,"
               " session_index, attributes_json, created_at, expires_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               "create_session")
        .bind(s.id)
        .bind(lower_case(s.account_email))
        .bind(s.idp)
        .bind(s.issuer)
        .bind(s.name_id)
        .bind(s.name_id_format)
        .bind(s.session_index)
        .bind(s.attributes_json)
        .bind(created)
        .bind(to_millis(s.expires_at))
        .run()
        .map([](int) {});
  });
}

core::Result<std::optional<SessionRecord>> Store::find_session(std::string_view id,
                                                               core::TimePoint now_at) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<std::optional<SessionRecord>> {
    auto select = statement(
        impl,
        "SELECT id, account_email, idp, issuer, name_id, name_id_format, session_index,"
        " attributes_json, created_at, expires_at FROM sessions WHERE id = ? AND expires_at > ?",
        "find_session");
    auto row = select.bind(id).bind(to_millis(now_at)).next();
    if (!row) {
      return core::fail(row.error());
    }
    if (!*row) {
      return std::optional<SessionRecord>();
    }
    SessionRecord s;
    s.id = select.text(0);
    s.account_email = select.text(1);
    s.idp = select.text(2);
    s.issuer = select.text(3);
    s.name_id = select.text(4);
    s.name_id_format = select.text(5);
    s.session_index = select.text(6);
    s.attributes_json = select.text(7);
    s.created_at = from_millis(select.integer(8));
    s.expires_at = from_millis(select.integer(9));
    return std::optional<SessionRecord>(std::move(s));
  });
}

core::Result<void> Store::delete_session(std::string_view id) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<void> {
    return statement(impl, "DELETE FROM sessions WHERE id = ?", "delete_session")
        .bind(id)
        .run()
        .map([](int) {});
  });
}

core::Result<int> Store::delete_sessions_for(std::string_view issuer, std::string_view name_id,
                                             std::string_view session_index) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<int> {
    return statement(impl,
                     "DELETE FROM sessions WHERE issuer = ? AND name_id = ? AND (? = '' OR "
                     "session_index = ?)",
                     "delete_sessions_for")
        .bind(issuer)
        .bind(name_id)
        .bind(session_index)
        .bind(session_index)
        .run();
  });
}

}  // namespace samlt::sp
