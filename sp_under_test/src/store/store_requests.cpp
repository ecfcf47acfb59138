// SPDX-License-Identifier: Apache-2.0
// Outstanding request IDs (InResponseTo, saml-profiles §4.1.4.3) and the Assertion replay cache
// (saml-profiles §4.1.4.5). Both are single statements under the store mutex, so "check then
// insert" can never race: the database decides.
#include "store/store_internal.hpp"

namespace samlt::sp {
namespace {

using namespace Poco::Data::Keywords;
using namespace store_detail;

std::string_view kind_name(RequestKind kind) { return kind == RequestKind::logout ? "logout" : "authn"; }

}  // namespace

core::Result<void> Store::add_outstanding(const OutstandingRequest& request) {
  return guarded(*m_impl, "add_outstanding", [&](Poco::Data::Session& session) -> core::Result<void> {
    Poco::Int64 expires = to_millis(request.expires_at);
    Poco::Int64 consumed = request.consumed ? 1 : 0;
    std::string kind(kind_name(request.kind));
    // Rows that expired long ago (a day before this new one expires) are purged, so the table
    // stays small while a recently used ID can still be told apart from an unknown one.
    session << "DELETE FROM outstanding_requests WHERE expires_at <= ?", bind(expires - 86400000), now;
    session << "INSERT INTO outstanding_requests (id, kind, idp, browser_binding, relay_state,"
               " expires_at, consumed) VALUES (?, ?, ?, ?, ?, ?, ?)",
        bind(request.id), bind(kind), bind(request.idp), bind(request.browser_binding),
        bind(request.relay_state), bind(expires), bind(consumed), now;
    return {};
  });
}

core::Result<std::optional<OutstandingRequest>> Store::find_outstanding(std::string_view id) {
  return guarded(*m_impl, "find_outstanding",
                 [&](Poco::Data::Session& session) -> core::Result<std::optional<OutstandingRequest>> {
    Poco::Data::Statement select(session);
    select << "SELECT id, kind, idp, browser_binding, relay_state, expires_at, consumed"
              " FROM outstanding_requests WHERE id = ?", bind(std::string(id)), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0) {
      return std::optional<OutstandingRequest>();
    }
    OutstandingRequest request;
    request.id = text(rows, 0, 0);
    request.kind = text(rows, 1, 0) == "logout" ? RequestKind::logout : RequestKind::authn;
    request.idp = text(rows, 2, 0);
    request.browser_binding = text(rows, 3, 0);
    request.relay_state = text(rows, 4, 0);
    request.expires_at = from_millis(integer(rows, 5, 0));
    request.consumed = integer(rows, 6, 0) != 0;
    return std::optional<OutstandingRequest>(std::move(request));
  });
}

core::Result<bool> Store::consume_outstanding(std::string_view id, std::string_view browser_binding,
                                              core::TimePoint now_at) {
  return guarded(*m_impl, "consume_outstanding", [&](Poco::Data::Session& session) -> core::Result<bool> {
    Poco::Int64 at = to_millis(now_at);
    session << "UPDATE outstanding_requests SET consumed = 1 WHERE id = ? AND consumed = 0"
               " AND browser_binding = ? AND expires_at > ?",
        bind(std::string(id)), bind(std::string(browser_binding)), bind(at), now;
    return changes(session) == 1;
  });
}

core::Result<bool> Store::remember_assertion(std::string_view assertion_id, std::string_view issuer,
                                             core::TimePoint keep_until, core::TimePoint now_at) {
  return guarded(*m_impl, "remember_assertion", [&](Poco::Data::Session& session) -> core::Result<bool> {
    Poco::Int64 at = to_millis(now_at);
    Poco::Int64 until = to_millis(keep_until);
    // An expired row can go: the pipeline refuses the Assertion itself by then, since the row is
    // kept until the same NotOnOrAfter + skew that the time checks use.
    session << "DELETE FROM replay_cache WHERE keep_until <= ?", bind(at), now;
    session << "INSERT OR IGNORE INTO replay_cache (assertion_id, issuer, keep_until) VALUES (?, ?, ?)",
        bind(std::string(assertion_id)), bind(std::string(issuer)), bind(until), now;
    return changes(session) == 1;
  });
}

}  // namespace samlt::sp
