// SPDX-License-Identifier: Apache-2.0
// Outstanding request IDs (InResponseTo, saml-profiles §4.1.4.3) and the Assertion replay cache
// (saml-profiles §4.1.4.5). Both are single statements under the store mutex, so "check then
// insert" can never race: the database decides.
#include "store/store_internal.hpp"

namespace samlt::sp {
namespace {

using namespace store_detail;

std::string_view kind_name(RequestKind kind) {
  return kind == RequestKind::logout ? "logout" : "authn";
}

}  // namespace

core::Result<void> Store::add_outstanding(const OutstandingRequest& request) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<void> {
    std::int64_t expires = to_millis(request.expires_at);
    // Rows that expired long ago (a day before this new one expires) are purged, so the table
    // stays small while a recently used ID can still be told apart from an unknown one.
    auto purged =
        statement(impl, "DELETE FROM outstanding_requests WHERE expires_at <= ?", "add_outstanding")
            .bind(expires - 86400000)
            .run();
    if (!purged) {
      return core::fail(purged.error());
    }
    return statement(
               impl,
               "INSERT INTO outstanding_requests (id, kind, idp, browser_binding, relay_state,"
               " expires_at, consumed) VALUES (?, ?, ?, ?, ?, ?, ?)",
               "add_outstanding")
        .bind(request.id)
        .bind(kind_name(request.kind))
        .bind(request.idp)
        .bind(request.browser_binding)
        .bind(request.relay_state)
        .bind(expires)
        .bind(std::int64_t{request.consumed})
        .run()
        .map([](int) {});
  });
}

core::Result<std::optional<OutstandingRequest>> Store::find_outstanding(std::string_view id) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<std::optional<OutstandingRequest>> {
    auto select =
        statement(impl,
                  "SELECT id, kind, idp, browser_binding, relay_state, expires_at, consumed"
                  " FROM outstanding_requests WHERE id = ?",
                  "find_outstanding");
    auto row = select.bind(id).next();
    if (!row) {
      return core::fail(row.error());
    }
    if (!*row) {
      return std::optional<OutstandingRequest>();
    }
    OutstandingRequest request;
    request.id = select.text(0);
    request.kind = select.text(1) == "logout" ? RequestKind::logout : RequestKind::authn;
    request.idp = select.text(2);
    request.browser_binding = select.text(3);
    request.relay_state = select.text(4);
    request.expires_at = from_millis(select.integer(5));
    request.consumed = select.integer(6) != 0;
    return std::optional<OutstandingRequest>(std::move(request));
  });
}

core::Result<bool> Store::consume_outstanding(std::string_view id, std::string_view browser_binding,
                                              core::TimePoint now_at) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<bool> {
    return statement(impl,
                     "UPDATE outstanding_requests SET consumed = 1 WHERE id = ? AND consumed = 0"
                     " AND browser_binding = ? AND expires_at > ?",
                     "consume_outstanding")
        .bind(id)
        .bind(browser_binding)
        .bind(to_millis(now_at))
        .run()
        .map([](int changed) { return changed == 1; });
  });
}

core::Result<bool> Store::remember_assertion(std::string_view assertion_id, std::string_view issuer,
                                             core::TimePoint keep_until, core::TimePoint now_at) {
  return guarded(*m_impl, [&](Impl& impl) -> core::Result<bool> {
    // An expired row can go: the pipeline refuses the Assertion itself by then, since the row is
    // kept until the same NotOnOrAfter + skew that the time checks use.
    auto purged =
        statement(impl, "DELETE FROM replay_cache WHERE keep_until <= ?", "remember_assertion")
            .bind(to_millis(now_at))
            .run();
    if (!purged) {
      return core::fail(purged.error());
    }
    return statement(impl,
                     "INSERT OR IGNORE INTO replay_cache (assertion_id, issuer, keep_until) VALUES "
                     "(?, ?, ?)",
                     "remember_assertion")
        .bind(assertion_id)
        .bind(issuer)
        .bind(to_millis(keep_until))
        .run()
        .map([](int changed) { return changed == 1; });
  });
}

}  // namespace samlt::sp
