// SPDX-License-Identifier: Apache-2.0
// Opening the database and creating or migrating its schema.
#include "store/store_internal.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace samlt::sp {
namespace {

// Schema version 1. A later version appends statements to a new entry; existing entries never
// change, so a database created by any version can be brought forward.
constexpr const char* k_schema_v1[] = {
    "CREATE TABLE idps (name TEXT PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE, sso_url TEXT NOT "
    "NULL,"
    " slo_url TEXT NOT NULL, certificates TEXT NOT NULL, enabled INTEGER NOT NULL,"
    " want_authn_requests_signed INTEGER NOT NULL, metadata_url TEXT NOT NULL)",
    "CREATE TABLE accounts (email TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL,"
    " enabled INTEGER NOT NULL, sso_enabled INTEGER NOT NULL, idp TEXT NOT NULL,"
    " password_hash TEXT NOT NULL)",
    "CREATE TABLE outstanding_requests (id TEXT PRIMARY KEY, kind TEXT NOT NULL, idp TEXT NOT NULL,"
    " browser_binding TEXT NOT NULL, relay_state TEXT NOT NULL, expires_at INTEGER NOT NULL,"
    " consumed INTEGER NOT NULL)",
    "CREATE TABLE replay_cache (assertion_id TEXT PRIMARY KEY, issuer TEXT NOT NULL,"
    " keep_until INTEGER NOT NULL)",
    "CREATE TABLE sessions (id TEXT PRIMARY KEY, account_email TEXT NOT NULL, idp TEXT NOT NULL,"
    " issuer TEXT NOT NULL, name_id TEXT NOT NULL, name_id_format TEXT NOT NULL,"
    " session_index TEXT NOT NULL, attributes_json TEXT NOT NULL, created_at INTEGER NOT NULL,"
    " expires_at INTEGER NOT NULL)",
    "CREATE TABLE verdicts (seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL UNIQUE,"
    " json TEXT NOT NULL, created_at INTEGER NOT NULL)",
};

// Schema version 2: verdict traces moved to memory (samlt/sp/verdict_log.hpp).
constexpr const char* k_schema_v2[] = {
    "DROP TABLE IF EXISTS verdicts",
};

// Schema version 3: every purge of expired rows (one per insert) reads an index instead of the
// whole table, which grows with every sign-in.
constexpr const char* k_schema_v3[] = {
    "CREATE INDEX IF NOT EXISTS replay_cache_keep_until ON replay_cache (keep_until)",
    "CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at)",
    "CREATE INDEX IF NOT EXISTS outstanding_requests_expires_at ON outstanding_requests "
    "(expires_at)",
};

template <std::size_t N>
core::Result<void> apply(sqlite3* db, int version, const char* const (&statements)[N]) {
  auto body = [&]() -> core::Result<void> {
    for (const char* statement : statements) {
      if (auto done = store_detail::execute(db, statement, "migrate"); !done) {
        return done;
      }
    }
    return store_detail::execute(
        db,
        ("INSERT INTO schema_version (version) VALUES (" + std::to_string(version) + ")").c_str(),
        "migrate");
  };
  if (auto begun = store_detail::execute(db, "BEGIN IMMEDIATE", "migrate"); !begun) {
    return begun;
  }
  auto applied = body();
  if (!applied) {
    store_detail::execute(db, "ROLLBACK", "migrate");
    return applied;
  }
  return store_detail::execute(db, "COMMIT", "migrate");
}

core::Result<std::int64_t> single_integer(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
    return core::fail(core::Reason::store_failed, std::string("migrate: ") + sqlite3_errmsg(db));
  }
  std::int64_t value = 0;
  int code = sqlite3_step(statement);
  if (code == SQLITE_ROW) {
    value = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  if (code != SQLITE_ROW && code != SQLITE_DONE) {
    return core::fail(core::Reason::store_failed, std::string("migrate: ") + sqlite3_errmsg(db));
  }
  return value;
}

core::Result<void> migrate(sqlite3* db) {
  if (auto made = store_detail::execute(
          db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", "migrate");
      !made) {
    return made;
  }
  auto version = single_integer(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!version) {
    return core::fail(version.error());
  }
  core::Result<void> done;
  if (*version < 1) {
    done = apply(db, 1, k_schema_v1);
  }
  if (done && *version < 2) {
    done = apply(db, 2, k_schema_v2);
  }
  if (done && *version < 3) {
    done = apply(db, 3, k_schema_v3);
  }
  return done;
}

}  // namespace

namespace store_detail {

std::string lower_case(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace store_detail

core::Result<std::uint64_t> Store::idps_version() {
  return store_detail::guarded(*m_impl, [&](Impl& impl) -> core::Result<std::uint64_t> {
    // data_version moves when another connection (the `idp` command) commits anything
    // (https://www.sqlite.org/pragma.html#pragma_data_version); this connection's own IdP writes
    // move the generation themselves.
    auto pragma = store_detail::statement(impl, "PRAGMA data_version", "idps_version");
    auto row = pragma.next();
    if (!row) {
      return core::fail(row.error());
    }
    std::int64_t data_version = *row ? pragma.integer(0) : 0;
    if (data_version != impl.data_version) {
      impl.data_version = data_version;
      ++impl.idps_generation;
    }
    return impl.idps_generation;
  });
}

core::Result<void> Store::in_transaction(const std::function<core::Result<void>()>& body) {
  std::lock_guard lock(m_impl->mutex);
  // IMMEDIATE: the write lock is taken now, so a second process cannot make the commit fail
  // half-way with SQLITE_BUSY.
  if (auto begun = store_detail::execute(m_impl->db, "BEGIN IMMEDIATE", "begin"); !begun) {
    return begun;
  }
  core::Result<void> outcome;
  try {
    outcome = body();
  } catch (const std::exception& e) {
    outcome = core::fail(core::Reason::internal_error, std::string("exception: ") + e.what());
  }
  if (auto committed = store_detail::execute(m_impl->db, "COMMIT", "commit"); !committed) {
    // SQLite has rolled back already when COMMIT failed on I/O; otherwise this ends the
    // transaction.
    if (sqlite3_get_autocommit(m_impl->db) == 0) {
      store_detail::execute(m_impl->db, "ROLLBACK", "rollback");
    }
    return committed;
  }
  return outcome;
}

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

core::Result<Store> Store::open(const std::string& path, Durability durability) {
  sqlite3* db = nullptr;
  int opened = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto impl = std::make_unique<Impl>(db);  // closes the connection on every way out
  if (opened != SQLITE_OK) {
    return core::fail(
        core::Reason::store_failed,
        "cannot open " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
  }
  // A second process (the `idp` command while `serve` runs) may hold the lock briefly.
  sqlite3_busy_timeout(db, 5000);
  // Write-ahead logging (https://www.sqlite.org/wal.html): a commit appends to the log instead
  // of rewriting the rollback journal and the database. With synchronous NORMAL the append is
  // all a commit costs, and a committed replay-cache entry or session survives the SP process
  // being killed; FULL adds an fsync per commit so that it also survives a power loss (issue 15:
  // a per-request fsync was half of the ACS's time).
  const char* synchronous = durability == Durability::power_loss ? "PRAGMA synchronous=FULL"
                                                                 : "PRAGMA synchronous=NORMAL";
  for (const char* pragma : {"PRAGMA journal_mode=WAL", synchronous}) {
    if (auto set = store_detail::execute(db, pragma, "open"); !set) {
      return core::fail(core::Reason::store_failed,
                        "cannot open " + path + ": " + set.error().detail);
    }
  }
  if (auto migrated = migrate(db); !migrated) {
    return core::fail(core::Reason::store_failed,
                      "cannot open " + path + ": " + migrated.error().detail);
  }
  return Store(std::move(impl));
}

}  // namespace samlt::sp
