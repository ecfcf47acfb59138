// SPDX-License-Identifier: Apache-2.0
#include "server/server_state.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_time.hpp"

namespace samlt::idp::server {
namespace {

constexpr auto k_pending_lifetime = std::chrono::minutes(15);

nlohmann::json uses_json(const std::vector<MutatorUse>& uses) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& use : uses) {
    out.push_back({{"id", use.id}, {"params", use.params}});
  }
  return out;
}

// Keeps at most `capacity` keys, dropping the oldest.
template <class Map>
void trim(Map& map, std::deque<std::string>& order, std::size_t capacity) {
  while (map.size() > capacity && !order.empty()) {
    map.erase(order.front());
    order.pop_front();
  }
}

}  // namespace

std::string SessionStore::create(IdpSession session) {
  session.id = core::to_hex(core::random_bytes(24));
  std::lock_guard lock(m_mutex);
  std::string id = session.id;
  m_sessions[id] = std::move(session);
  m_order.push_back(id);
  trim(m_sessions, m_order, m_capacity);
  return id;
}

std::optional<IdpSession> SessionStore::find(const std::string& id) const {
  std::lock_guard lock(m_mutex);
  auto it = m_sessions.find(id);
  return it == m_sessions.end() ? std::nullopt : std::optional<IdpSession>(it->second);
}

void SessionStore::add_participant(const std::string& id, Participant participant) {
  std::lock_guard lock(m_mutex);
  if (auto it = m_sessions.find(id); it != m_sessions.end()) {
    it->second.participants.push_back(std::move(participant));
  }
}

void SessionStore::remove(const std::string& id) {
  std::lock_guard lock(m_mutex);
  m_sessions.erase(id);
}

nlohmann::json SessionStore::to_json() const {
  std::lock_guard lock(m_mutex);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& id : m_order) {
    auto it = m_sessions.find(id);
    if (it == m_sessions.end()) {
      continue;
    }
    nlohmann::json apps = nlohmann::json::array();
    for (const auto& p : it->second.participants) {
      apps.push_back(
          {{"app_id", p.app_id}, {"name_id", p.name_id}, {"session_index", p.session_index}});
    }
    out.push_back({{"session", id},
                   {"user_object_id", it->second.user_object_id},
                   {"authn_instant", core::format_datetime(it->second.authn_instant)},
                   {"participants", apps}});
  }
  return out;
}

std::string PendingStore::put(SignInContext context, core::TimePoint now) {
  std::string id = core::to_hex(core::random_bytes(16));
  std::lock_guard lock(m_mutex);
  m_entries[id] = Entry{std::move(context), now};
  m_order.push_back(id);
  trim(m_entries, m_order, m_capacity);
  return id;
}

std::optional<SignInContext> PendingStore::find(const std::string& id, core::TimePoint now) const {
  std::lock_guard lock(m_mutex);
  auto it = m_entries.find(id);
  if (it == m_entries.end() || now - it->second.created > k_pending_lifetime) {
    return std::nullopt;
  }
  return it->second.context;
}

void PendingStore::remove(const std::string& id) {
  std::lock_guard lock(m_mutex);
  m_entries.erase(id);
}

void FaultStore::set_next(std::vector<MutatorUse> mutators) {
  std::lock_guard lock(m_mutex);
  m_next = std::move(mutators);
}

void FaultStore::set_for_session(const std::string& session_id, std::vector<MutatorUse> mutators) {
  std::lock_guard lock(m_mutex);
  m_by_session[session_id] = std::move(mutators);
}

void FaultStore::clear() {
  std::lock_guard lock(m_mutex);
  m_next.clear();
  m_by_session.clear();
}

std::vector<MutatorUse> FaultStore::take_for(const std::string& session_id) {
  std::lock_guard lock(m_mutex);
  std::vector<MutatorUse> out;
  if (auto it = m_by_session.find(session_id); it != m_by_session.end()) {
    out = it->second;
  }
  out.insert(out.end(), m_next.begin(), m_next.end());
  m_next.clear();
  return out;
}

nlohmann::json FaultStore::to_json() const {
  std::lock_guard lock(m_mutex);
  nlohmann::json sessions = nlohmann::json::object();
  for (const auto& [id, uses] : m_by_session) {
    sessions[id] = uses_json(uses);
  }
  return {{"next", uses_json(m_next)}, {"sessions", sessions}};
}

void MessageLog::add(LoggedMessage message) {
  std::lock_guard lock(m_mutex);
  if (m_capacity == 0) {
    return;
  }
  m_messages.push_back(std::move(message));
  while (m_messages.size() > m_capacity) {
    m_messages.pop_front();
  }
}

nlohmann::json MessageLog::to_json() const {
  std::lock_guard lock(m_mutex);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : m_messages) {
    out.push_back({{"at", core::format_datetime(m.at)},
                   {"direction", m.direction},
                   {"kind", m.kind},
                   {"binding", m.binding},
                   {"app_id", m.app_id},
                   {"user", m.user},
                   {"xml", m.xml},
                   {"mutators", m.mutators},
                   {"aadsts", m.aadsts},
                   {"reason", m.reason}});
  }
  return out;
}

}  // namespace samlt::idp::server
