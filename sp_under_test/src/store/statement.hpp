// SPDX-License-Identifier: Apache-2.0
// SQLite statements, compiled once per connection and reused
// (https://www.sqlite.org/c3ref/prepare.html, SQLITE_PREPARE_PERSISTENT): the ACS runs the same few
// statements on every sign-in, and compiling one costs more than running it (issue 15). Failures
// are values: store.failed naming the operation and SQLite's own message.
#pragma once

#include "samlt/core/result.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace samlt::sp::store_detail {

// The connection's compiled statements, keyed by the address of their SQL text: every caller
// passes a string literal, so one text is one key.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : m_db(db) {}
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement for `sql`, compiled on first use; fails with store.failed naming `what`.
  core::Result<sqlite3_stmt*> get(const char* sql, const char* what);

 private:
  sqlite3* m_db;
  std::unordered_map<const char*, sqlite3_stmt*> m_compiled;
};

// One use of a cached statement: bind its parameters in order, then run() it or read it row by
// row with next(). It is reset and unbound when it goes out of scope, ready for the next use.
class Statement {
 public:
  Statement(sqlite3* db, StatementCache& cache, const char* sql, const char* what);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(std::string_view text);
  Statement& bind(std::int64_t value);

  // Steps once: true with a row to read, false when there are no more.
  core::Result<bool> next();
  // Steps to the end: how many rows the statement changed (sqlite3_changes).
  core::Result<int> run();

  // Columns of the current row; every column of this schema is NOT NULL.
  std::string text(int column) const;
  std::int64_t integer(int column) const;

 private:
  void note(int code, const char* during);

  sqlite3* m_db;
  sqlite3_stmt* m_statement = nullptr;
  const char* m_what;
  int m_next_parameter = 1;
  std::optional<core::Error> m_failed;
};

// Runs SQL text with no parameters and no rows, such as BEGIN or a schema statement (sqlite3_exec).
core::Result<void> execute(sqlite3* db, const char* sql, const char* what);

}  // namespace samlt::sp::store_detail
