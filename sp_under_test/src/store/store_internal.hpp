// SPDX-License-Identifier: Apache-2.0
// The SQLite side of Store: one connection and its compiled statements behind a mutex.
#pragma once

#include "samlt/sp/store.hpp"
#include "store/statement.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <mutex>
#include <string>

namespace samlt::sp {

namespace store_detail {

// Closes the connection; declared before the statements, so that they are finalized first.
struct Connection {
  explicit Connection(sqlite3* connection) : db(connection) {}
  ~Connection() { sqlite3_close(db); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  sqlite3* db;
};

}  // namespace store_detail

struct Store::Impl {
  explicit Impl(sqlite3* opened) : connection(opened), db(opened), statements(opened) {}

  store_detail::Connection connection;
  sqlite3* db;
  store_detail::StatementCache statements;
  // Recursive: in_transaction holds it while the operations inside take it again.
  std::recursive_mutex mutex;
  std::uint64_t idps_generation = 0;  // see idps_version()
  std::int64_t data_version = -1;
};

namespace store_detail {

// One use of the cached statement for `sql`, on the store's connection. The caller holds the mutex
// (through guarded()).
inline Statement statement(Store::Impl& impl, const char* sql, const char* what) {
  return Statement(impl.db, impl.statements, sql, what);
}

// Runs `body(impl)` under the store's mutex.
template <class Body>
auto guarded(Store::Impl& impl, Body&& body) -> decltype(body(impl)) {
  std::lock_guard lock(impl.mutex);
  return body(impl);
}

inline std::int64_t to_millis(core::TimePoint at) {
  return at.time_since_epoch().count();
}
inline core::TimePoint from_millis(std::int64_t ms) {
  return core::TimePoint(core::Millis(ms));
}

std::string lower_case(std::string_view text);

}  // namespace store_detail
}  // namespace samlt::sp
