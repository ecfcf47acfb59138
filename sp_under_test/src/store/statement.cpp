// SPDX-License-Identifier: Apache-2.0
#include "store/statement.hpp"

namespace samlt::sp::store_detail {
namespace {

core::Error sqlite_error(sqlite3* db, const char* what, const char* during) {
  return core::Error{core::Reason::store_failed,
                     std::string(what) + ": " + during + ": " + sqlite3_errmsg(db)};
}

}  // namespace

StatementCache::~StatementCache() {
  for (auto& [sql, statement] : m_compiled) {
    sqlite3_finalize(statement);
  }
}

core::Result<sqlite3_stmt*> StatementCache::get(const char* sql, const char* what) {
  if (auto found = m_compiled.find(sql); found != m_compiled.end()) {
    return found->second;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(statement);
    return core::fail(sqlite_error(m_db, what, "prepare"));
  }
  m_compiled.emplace(sql, statement);
  return statement;
}

Statement::Statement(sqlite3* db, StatementCache& cache, const char* sql, const char* what)
    : m_db(db), m_what(what) {
  auto compiled = cache.get(sql, what);
  if (compiled) {
    m_statement = *compiled;
  } else {
    m_failed = compiled.error();
  }
}

Statement::~Statement() {
  if (m_statement != nullptr) {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
  }
}

void Statement::note(int code, const char* during) {
  if (code != SQLITE_OK && !m_failed) {
    m_failed = sqlite_error(m_db, m_what, during);
  }
}

Statement& Statement::bind(std::string_view text) {
  if (!m_failed) {
    note(sqlite3_bind_text(m_statement, m_next_parameter++, text.data(),
                           static_cast<int>(text.size()), SQLITE_TRANSIENT),
         "bind");
  }
  return *this;
}

Statement& Statement::bind(std::int64_t value) {
  if (!m_failed) {
    note(sqlite3_bind_int64(m_statement, m_next_parameter++, value), "bind");
  }
  return *this;
}

core::Result<bool> Statement::next() {
  if (m_failed) {
    return core::fail(*m_failed);
  }
  int code = sqlite3_step(m_statement);
  if (code == SQLITE_ROW) {
    return true;
  }
  if (code == SQLITE_DONE) {
    return false;
  }
  note(code, "step");
  return core::fail(*m_failed);
}

core::Result<int> Statement::run() {
  for (;;) {
    auto row = next();
    if (!row) {
      return core::fail(row.error());
    }
    if (!*row) {
      return sqlite3_changes(m_db);
    }
  }
}

std::string Statement::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
  return bytes == nullptr
             ? std::string()
             : std::string(bytes,
                           static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(m_statement, column);
}

core::Result<void> execute(sqlite3* db, const char* sql, const char* what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string detail =
        std::string(what) + ": " + (message != nullptr ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return core::fail(core::Reason::store_failed, std::move(detail));
  }
  return {};
}

}  // namespace samlt::sp::store_detail
