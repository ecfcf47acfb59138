// SPDX-License-Identifier: Apache-2.0
// One HTTP exchange as the handlers see it, and the few HTTP helpers they share. Handlers never
// throw: the dispatcher turns any stray exception into a 500 page (fail closed, keep serving).
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/idp.hpp"
#include "server/server_state.hpp"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace samlt::idp::server {

inline constexpr std::string_view k_session_cookie = "ESTSAUTH";  // Entra's session cookie name

struct ServerContext {
  const Idp& idp;
  const core::Clock& clock;
  std::string base_url;  // public base URL, no trailing slash
  SessionStore sessions;
  PendingStore pending;
  FaultStore faults;
  MessageLog messages;
};

struct Exchange {
  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  ServerContext& server;
  std::string path;                   // without the query
  std::vector<std::string> segments;  // path split on '/', empty ones dropped
  std::string raw_query;              // as received, without '?'
  core::TimePoint now;

  const IdpConfig& config() const { return server.idp.config(); }
};

// The request body, refusing more than limits.max_body_bytes (idp.request_too_large).
core::Result<std::string> read_body(Exchange& ex);

// The first value of query parameter `name` (decoded), or nullopt.
std::optional<std::string> query_value(const Exchange& ex, std::string_view name);
// The decoded form fields of a body (empty on a malformed body).
core::FormFields form_fields(std::string_view body);

std::optional<std::string> cookie(const Exchange& ex, std::string_view name);
void set_session_cookie(Exchange& ex, const std::string& session_id);
void clear_session_cookie(Exchange& ex);

void send(Exchange& ex, int status, std::string_view content_type, const std::string& body);
void send_html(Exchange& ex, int status, const std::string& html);
void send_json(Exchange& ex, int status, const nlohmann::json& body);
void send_redirect(Exchange& ex, const std::string& location);

// Entra's error page for an AADSTS failure (status: knobs.error_page_status), logged.
void send_error_page(Exchange& ex, const core::Error& error, const std::string& app_id = {});

// A plain page for failures that are not Entra's (500, 404, 405, 413).
void send_problem(Exchange& ex, int status, std::string_view reason_id, const std::string& detail);

}  // namespace samlt::idp::server
