// SPDX-License-Identifier: Apache-2.0
// The Poco side of Store: one SQLite session behind a mutex, and the adapter that turns every
// Poco (or other) exception into store.failed, so none escapes (style §6.1 rule 3).
#pragma once

#include "samlt/sp/store.hpp"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Types.h>

#include <cstdint>
#include <mutex>
#include <string>

namespace samlt::sp {

struct Store::Impl {
  explicit Impl(Poco::Data::Session s) : session(std::move(s)) {}
  Poco::Data::Session session;
  // Recursive: in_transaction holds it while the operations inside take it again.
  std::recursive_mutex mutex;
  std::uint64_t idps_generation = 0;  // see idps_version()
  Poco::Int64 data_version = -1;
};

namespace store_detail {

// Runs `body(session)` under the store's mutex; any exception becomes store.failed naming `what`.
template <class Body>
auto guarded(Store::Impl& impl, const char* what, Body&& body) -> decltype(body(impl.session)) {
  std::lock_guard lock(impl.mutex);
  try {
    return body(impl.session);
  } catch (const Poco::Exception& e) {
    return core::fail(core::Reason::store_failed, std::string(what) + ": " + e.displayText());
  } catch (const std::exception& e) {
    return core::fail(core::Reason::store_failed, std::string(what) + ": " + e.what());
  }
}

inline Poco::Int64 to_millis(core::TimePoint at) { return at.time_since_epoch().count(); }
inline core::TimePoint from_millis(Poco::Int64 ms) { return core::TimePoint(core::Millis(ms)); }

// Rows are read through RecordSet; every column is NOT NULL, so these conversions cannot meet NULL.
inline std::string text(const Poco::Data::RecordSet& rows, std::size_t col, std::size_t row) {
  return rows.value(col, row).convert<std::string>();
}
inline Poco::Int64 integer(const Poco::Data::RecordSet& rows, std::size_t col, std::size_t row) {
  return rows.value(col, row).convert<Poco::Int64>();
}

// sqlite3_changes() of the last statement on this session.
Poco::Int64 changes(Poco::Data::Session& session);

std::string lower_case(std::string_view text);

}  // namespace store_detail
}  // namespace samlt::sp
