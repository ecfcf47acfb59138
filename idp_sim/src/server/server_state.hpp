// SPDX-License-Identifier: Apache-2.0
// The HTTP server's mutable state, each part behind its own mutex and bounded in size: IdP
// sessions (the ESTSAUTH cookie), sign-ins waiting on the sign-in page, faults set through the
// control API, and the ring buffer of recently issued or received messages.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/idp/idp_config.hpp"
#include "samlt/idp/mutator.hpp"
#include "sign_in.hpp"

#include <nlohmann/json.hpp>

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace samlt::idp::server {

// An app the session signed in to: what SLO would need (entra-spec §4.4).
struct Participant {
  std::string app_id;
  std::string name_id;
  std::string session_index;
};

struct IdpSession {
  std::string id;
  std::string user_object_id;
  core::TimePoint authn_instant;
  AuthMethod method = AuthMethod::password;
  std::vector<Participant> participants;
};

class SessionStore {
 public:
  explicit SessionStore(std::size_t capacity) : m_capacity(capacity) {}
  // Stores `session` under a fresh random id (the oldest session goes when full); returns the id.
  std::string create(IdpSession session);
  std::optional<IdpSession> find(const std::string& id) const;
  void add_participant(const std::string& id, Participant participant);
  void remove(const std::string& id);
  nlohmann::json to_json() const;

 private:
  mutable std::mutex m_mutex;
  std::size_t m_capacity;
  std::map<std::string, IdpSession> m_sessions;
  std::deque<std::string> m_order;
};

// Sign-ins shown the sign-in page, keyed by the form's hidden `ctx`; 15 minutes to answer.
class PendingStore {
 public:
  explicit PendingStore(std::size_t capacity) : m_capacity(capacity) {}
  std::string put(SignInContext context, core::TimePoint now);
  std::optional<SignInContext> find(const std::string& id, core::TimePoint now) const;
  void remove(const std::string& id);

 private:
  struct Entry {
    SignInContext context;
    core::TimePoint created;
  };
  mutable std::mutex m_mutex;
  std::size_t m_capacity;
  std::map<std::string, Entry> m_entries;
  std::deque<std::string> m_order;
};

// Faults from the control API: for the next Response only, or for every Response of a session.
class FaultStore {
 public:
  void set_next(std::vector<MutatorUse> mutators);
  void set_for_session(const std::string& session_id, std::vector<MutatorUse> mutators);
  void clear();
  // The session's faults, then the "next" faults (consumed by this call).
  std::vector<MutatorUse> take_for(const std::string& session_id);
  nlohmann::json to_json() const;

 private:
  mutable std::mutex m_mutex;
  std::vector<MutatorUse> m_next;
  std::map<std::string, std::vector<MutatorUse>> m_by_session;
};

struct LoggedMessage {
  core::TimePoint at;
  std::string direction;  // "received" | "sent"
  std::string kind;       // "AuthnRequest", "Response", "LogoutRequest", "LogoutResponse", "error"
  std::string binding;    // "HTTP-Redirect" | "HTTP-POST" | ""
  std::string app_id;
  std::string user;
  std::string xml;  // decoded
  std::vector<std::string> mutators;
  int aadsts = 0;
  std::string reason;  // reason id for refusals
};

class MessageLog {
 public:
  explicit MessageLog(std::size_t capacity) : m_capacity(capacity) {}
  void add(LoggedMessage message);
  nlohmann::json to_json() const;  // newest last

 private:
  mutable std::mutex m_mutex;
  std::size_t m_capacity;
  std::deque<LoggedMessage> m_messages;
};

}  // namespace samlt::idp::server
