// SPDX-License-Identifier: Apache-2.0
// The loopback control API (style §6.5): health, the mutator list, faults for the next Response or
// for one IdP session, recently exchanged messages (decoded) and sessions. Errors are
// HTTP 400 {"error":{"id","where","expected"}} with a JSON pointer into the request body.
#include "server/handlers.hpp"

namespace samlt::idp::server {
namespace {

struct ControlError {
  core::Reason reason;
  std::string where;
  std::string expected;
};

void send_control_error(Exchange& ex, const ControlError& e) {
  send_json(
      ex, 400,
      {{"error", {{"id", core::id(e.reason)}, {"where", e.where}, {"expected", e.expected}}}});
}

// The control API answers loopback clients only, even if the server were bound elsewhere.
bool loopback_only(Exchange& ex) {
  if (ex.request.clientAddress().host().isLoopback()) {
    return true;
  }
  send_json(ex, 403,
            {{"error",
              {{"id", core::id(core::Reason::control_request_invalid)},
               {"where", ""},
               {"expected", "a loopback client"}}}});
  return false;
}

std::optional<ControlError> read_mutators(const nlohmann::json& list,
                                          std::vector<MutatorUse>& out) {
  if (!list.is_array()) {
    return ControlError{core::Reason::control_request_invalid, "/mutators",
                        "an array of mutator ids or {\"id\", \"params\"}"};
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = "/mutators/" + std::to_string(i);
    const auto& item = list[i];
    MutatorUse use;
    if (item.is_string()) {
      use.id = item.get<std::string>();
    } else if (item.is_object() && item.contains("id") && item["id"].is_string() &&
               (!item.contains("params") || item["params"].is_object()) &&
               item.size() == 1 + (item.contains("params") ? 1u : 0u)) {
      use.id = item["id"].get<std::string>();
      use.params = item.value("params", nlohmann::json::object());
    } else {
      return ControlError{core::Reason::control_request_invalid, where,
                          "a mutator id or {\"id\": string, \"params\": object}"};
    }
    if (find_mutator(use.id) == nullptr) {
      return ControlError{core::Reason::control_unknown_mutator, where,
                          "one of " + mutator_ids_joined()};
    }
    out.push_back(std::move(use));
  }
  return std::nullopt;
}

std::optional<ControlError> set_faults(Exchange& ex, const nlohmann::json& body) {
  if (!body.is_object()) {
    return ControlError{core::Reason::control_request_invalid, "", "a JSON object"};
  }
  for (const auto& [key, value] : body.items()) {
    if (key != "scope" && key != "session" && key != "mutators") {
      return ControlError{core::Reason::control_request_invalid, "/" + key,
                          "no such key (scope, session, mutators)"};
    }
  }
  std::string scope = body.value("scope", "next");
  if (scope != "next" && scope != "session") {
    return ControlError{core::Reason::control_request_invalid, "/scope", "\"next\" or \"session\""};
  }
  std::vector<MutatorUse> uses;
  if (auto error = read_mutators(body.value("mutators", nlohmann::json::array()), uses)) {
    return error;
  }
  if (scope == "next") {
    ex.server.faults.set_next(std::move(uses));
    return std::nullopt;
  }
  if (!body.contains("session") || !body["session"].is_string() ||
      body["session"].get<std::string>().empty()) {
    return ControlError{core::Reason::control_request_invalid, "/session",
                        "the IdP session id (ESTSAUTH cookie)"};
  }
  ex.server.faults.set_for_session(body["session"].get<std::string>(), std::move(uses));
  return std::nullopt;
}

}  // namespace

void handle_control_health(Exchange& ex) {
  if (!loopback_only(ex)) {
    return;
  }
  send_json(ex, 200,
            {{"status", "ok"},
             {"tenant_id", ex.server.idp.tenant_id()},
             {"issuer", ex.server.idp.issuer()},
             {"base_url", ex.server.base_url},
             {"apps", ex.config().apps.size()},
             {"users", ex.config().users.size()},
             {"mutators", all_mutators().size()}});
}

void handle_control_mutators(Exchange& ex) {
  if (!loopback_only(ex)) {
    return;
  }
  send_json(ex, 200, mutators_json());
}

void handle_control_faults(Exchange& ex) {
  if (!loopback_only(ex)) {
    return;
  }
  const std::string& method = ex.request.getMethod();
  if (method == "DELETE") {
    ex.server.faults.clear();
  } else if (method == "POST") {
    auto body = read_body(ex);
    if (!body) {
      send_control_error(
          ex, {core::Reason::control_request_invalid, "", "a body within the size limit"});
      return;
    }
    auto json = nlohmann::json::parse(*body, nullptr, false);
    if (json.is_discarded()) {
      send_control_error(ex, {core::Reason::control_request_invalid, "", "well-formed JSON"});
      return;
    }
    if (auto error = set_faults(ex, json)) {
      send_control_error(ex, *error);
      return;
    }
  }
  send_json(ex, 200, ex.server.faults.to_json());
}

void handle_control_messages(Exchange& ex) {
  if (loopback_only(ex)) {
    send_json(ex, 200, ex.server.messages.to_json());
  }
}

void handle_control_sessions(Exchange& ex) {
  if (loopback_only(ex)) {
    send_json(ex, 200, ex.server.sessions.to_json());
  }
}

}  // namespace samlt::idp::server
