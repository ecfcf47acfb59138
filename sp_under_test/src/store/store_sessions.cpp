// SPDX-License-Identifier: Apache-2.0
// The sessions table (the samlt_sp_session cookie names a row).
#include "store/store_internal.hpp"

namespace samlt::sp {
namespace {

using namespace Poco::Data::Keywords;
using namespace store_detail;

}  // namespace

core::Result<void> Store::create_session(const SessionRecord& s) {
  return guarded(*m_impl, "create_session", [&](Poco::Data::Session& session) -> core::Result<void> {
    Poco::Int64 created = to_millis(s.created_at);
    Poco::Int64 expires = to_millis(s.expires_at);
    session << "DELETE FROM sessions WHERE expires_at <= ?", bind(created), now;
    session << "INSERT INTO sessions (id, account_email, idp, issuer, name_id, name_id_format,"
               " session_index, attributes_json, created_at, expires_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(s.id), bind(lower_case(s.account_email)), bind(s.idp), bind(s.issuer), bind(s.name_id),
        bind(s.name_id_format), bind(s.session_index), bind(s.attributes_json), bind(created),
        bind(expires), now;
    return {};
  });
}

core::Result<std::optional<SessionRecord>> Store::find_session(std::string_view id, core::TimePoint now_at) {
  return guarded(*m_impl, "find_session", [&](Poco::Data::Session& session) -> core::Result<std::optional<SessionRecord>> {
    Poco::Int64 at = to_millis(now_at);
    Poco::Data::Statement select(session);
    select << "SELECT id, account_email, idp, issuer, name_id, name_id_format, session_index,"
              " attributes_json, created_at, expires_at FROM sessions WHERE id = ? AND expires_at > ?",
        bind(std::string(id)), bind(at), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0) {
      return std::optional<SessionRecord>();
    }
    SessionRecord s;
    s.id = text(rows, 0, 0);
    s.account_email = text(rows, 1, 0);
    s.idp = text(rows, 2, 0);
    s.issuer = text(rows, 3, 0);
    s.name_id = text(rows, 4, 0);
    s.name_id_format = text(rows, 5, 0);
    s.session_index = text(rows, 6, 0);
    s.attributes_json = text(rows, 7, 0);
    s.created_at = from_millis(integer(rows, 8, 0));
    s.expires_at = from_millis(integer(rows, 9, 0));
    return std::optional<SessionRecord>(std::move(s));
  });
}

core::Result<void> Store::delete_session(std::string_view id) {
  return guarded(*m_impl, "delete_session", [&](Poco::Data::Session& session) -> core::Result<void> {
    session << "DELETE FROM sessions WHERE id = ?", bind(std::string(id)), now;
    return {};
  });
}

core::Result<int> Store::delete_sessions_for(std::string_view issuer, std::string_view name_id,
                                             std::string_view session_index) {
  return guarded(*m_impl, "delete_sessions_for", [&](Poco::Data::Session& session) -> core::Result<int> {
    std::string index(session_index);
    session << "DELETE FROM sessions WHERE issuer = ? AND name_id = ? AND (? = '' OR session_index = ?)",
        bind(std::string(issuer)), bind(std::string(name_id)), bind(index), bind(index), now;
    return static_cast<int>(changes(session));
  });
}

}  // namespace samlt::sp
