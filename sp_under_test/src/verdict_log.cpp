// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/verdict_log.hpp"

#include <algorithm>

namespace samlt::sp {

VerdictLog::VerdictLog(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

void VerdictLog::add(Verdict verdict, core::TimePoint decided_at) {
  std::lock_guard lock(m_mutex);
  if (auto it = m_index.find(verdict.request_id); it != m_index.end()) {
    // The earlier entry stays in the ring (it ages out in turn) but is no longer found.
    std::size_t earlier = it->second - m_first;
    m_index.erase(it);
    m_order[earlier].verdict.request_id.clear();
  }
  if (m_order.size() == m_capacity) {
    const std::string& oldest = m_order.front().verdict.request_id;
    if (auto it = m_index.find(oldest); it != m_index.end() && it->second == m_first) {
      m_index.erase(it);
    }
    m_order.pop_front();
    ++m_first;
  }
  m_order.push_back({std::move(verdict), decided_at});
  // The key views the request_id inside the deque entry, which std::deque never moves on
  // push_back or pop_front.
  m_index.emplace(m_order.back().verdict.request_id, m_first + m_order.size() - 1);
}

std::optional<LoggedVerdict> VerdictLog::find(std::string_view request_id) const {
  std::lock_guard lock(m_mutex);
  auto it = m_index.find(request_id);
  if (it == m_index.end()) {
    return std::nullopt;
  }
  return m_order[it->second - m_first];
}

std::size_t VerdictLog::size() const {
  std::lock_guard lock(m_mutex);
  return m_index.size();
}

}  // namespace samlt::sp
