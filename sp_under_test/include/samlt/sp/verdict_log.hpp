// SPDX-License-Identifier: Apache-2.0
// The newest ACS decisions, kept in memory for GET /verdicts/<request_id>. Verdict traces are
// diagnostics, not state (issue 15): they cost the ACS no database commit, and a restart forgets
// them. Accounts, sessions, outstanding requests and the replay cache stay in the Store.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/sp/verdict.hpp"

#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace samlt::sp {

struct LoggedVerdict {
  Verdict verdict;
  core::TimePoint decided_at;
};

// Thread-safe and bounded: beyond `capacity` the oldest decision is dropped.
class VerdictLog {
 public:
  static constexpr std::size_t k_default_capacity = 2000;
  explicit VerdictLog(std::size_t capacity = k_default_capacity);

  // Keeps `verdict` under its request_id; a repeated id replaces the earlier decision.
  void add(Verdict verdict, core::TimePoint decided_at);
  std::optional<LoggedVerdict> find(std::string_view request_id) const;
  std::size_t size() const;

 private:
  std::size_t m_capacity;
  mutable std::mutex m_mutex;
  std::deque<LoggedVerdict> m_order;  // oldest first
  std::unordered_map<std::string_view, std::size_t> m_index;  // request_id -> sequence number
  std::size_t m_first = 0;  // the sequence number of m_order.front()
};

}  // namespace samlt::sp
