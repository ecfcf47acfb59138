// SPDX-License-Identifier: Apache-2.0
// Opening the database and creating or migrating its schema.
#include "store/store_internal.hpp"

#include <Poco/Data/SQLite/SessionImpl.h>

#include <algorithm>
#include <cctype>

namespace samlt::sp {
namespace {

using namespace Poco::Data::Keywords;

// Schema version 1. A later version appends statements to a new entry; existing entries never
// change, so a database created by any version can be brought forward.
constexpr const char* k_schema_v1[] = {
    "CREATE TABLE idps (name TEXT PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE, sso_url TEXT NOT NULL,"
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
    "CREATE INDEX IF NOT EXISTS outstanding_requests_expires_at ON outstanding_requests (expires_at)",
};

template <std::size_t N>
void apply(Poco::Data::Session& session, int version, const char* const (&statements)[N]) {
  session.begin();
  for (const char* statement : statements) {
    session << statement, now;
  }
  session << "INSERT INTO schema_version (version) VALUES (?)", bind(version), now;
  session.commit();
}

void migrate(Poco::Data::Session& session) {
  session << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", now;
  Poco::Int64 rows = 0;
  session << "SELECT COUNT(*) FROM schema_version", into(rows), now;
  Poco::Int64 version = 0;
  if (rows > 0) {
    session << "SELECT MAX(version) FROM schema_version", into(version), now;
  }
  if (version < 1) {
    apply(session, 1, k_schema_v1);
  }
  if (version < 2) {
    apply(session, 2, k_schema_v2);
  }
  if (version < 3) {
    apply(session, 3, k_schema_v3);
  }
}

}  // namespace

namespace store_detail {

Poco::Int64 changes(Poco::Data::Session& session) {
  Poco::Int64 count = 0;
  session << "SELECT changes()", into(count), now;
  return count;
}

std::string lower_case(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace store_detail

core::Result<std::uint64_t> Store::idps_version() {
  return store_detail::guarded(*m_impl, "idps_version", [&](Poco::Data::Session& session) -> core::Result<std::uint64_t> {
    // data_version moves when another connection (the `idp` command) commits anything
    // (https://www.sqlite.org/pragma.html#pragma_data_version); this connection's own IdP writes
    // move the generation themselves.
    Poco::Int64 data_version = 0;
    session << "PRAGMA data_version", into(data_version), now;
    if (data_version != m_impl->data_version) {
      m_impl->data_version = data_version;
      ++m_impl->idps_generation;
    }
    return m_impl->idps_generation;
  });
}

core::Result<void> Store::in_transaction(const std::function<core::Result<void>()>& body) {
  std::lock_guard lock(m_impl->mutex);
  try {
    // IMMEDIATE: the write lock is taken now, so a second process cannot make the commit fail
    // half-way with SQLITE_BUSY.
    m_impl->session << "BEGIN IMMEDIATE", now;
  } catch (const Poco::Exception& e) {
    return core::fail(core::Reason::store_failed, "begin: " + e.displayText());
  }
  core::Result<void> outcome;
  try {
    outcome = body();
  } catch (const std::exception& e) {
    outcome = core::fail(core::Reason::internal_error, std::string("exception: ") + e.what());
  }
  try {
    m_impl->session << "COMMIT", now;
  } catch (const Poco::Exception& e) {
    try {
      m_impl->session << "ROLLBACK", now;
    } catch (const Poco::Exception&) {
      // SQLite has rolled back already when COMMIT failed on I/O
    }
    return core::fail(core::Reason::store_failed, "commit: " + e.displayText());
  }
  return outcome;
}

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

core::Result<Store> Store::open(const std::string& path, Durability durability) {
  try {
    // The session is built from SQLite's SessionImpl directly: no global connector registry.
    Poco::Data::Session session(Poco::AutoPtr<Poco::Data::SessionImpl>(new Poco::Data::SQLite::SessionImpl(path, 1)));
    // A second process (the `idp` command while `serve` runs) may hold the lock briefly.
    session.setConnectionTimeout(5);
    // Write-ahead logging (https://www.sqlite.org/wal.html): a commit appends to the log instead
    // of rewriting the rollback journal and the database. With synchronous NORMAL the append is
    // all a commit costs, and a committed replay-cache entry or session survives the SP process
    // being killed; FULL adds an fsync per commit so that it also survives a power loss (issue 15:
    // a per-request fsync was half of the ACS's time).
    std::string journal_mode;
    session << "PRAGMA journal_mode=WAL", Poco::Data::Keywords::into(journal_mode), Poco::Data::Keywords::now;
    session << (durability == Durability::power_loss ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"),
        Poco::Data::Keywords::now;
    migrate(session);
    return Store(std::make_unique<Impl>(std::move(session)));
  } catch (const Poco::Exception& e) {
    return core::fail(core::Reason::store_failed, "cannot open " + path + ": " + e.displayText());
  } catch (const std::exception& e) {
    return core::fail(core::Reason::store_failed, "cannot open " + path + ": " + e.what());
  }
}

}  // namespace samlt::sp
