// SPDX-License-Identifier: Apache-2.0
// One HTTP request and its response, as the handlers see them: capped body reading, cookies,
// content negotiation and the few ways a handler answers.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/acs_request.hpp"
#include "samlt/sp/service_provider.hpp"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace samlt::sp::server {

// How much of an oversized request body is read and thrown away before answering.
inline constexpr std::size_t k_max_drain = 64 * 1024 * 1024;

struct Exchange {
  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  ServiceProvider& sp;
  std::string path;       // without the query
  std::string raw_query;  // as received, without '?'

  bool is_get() const { return request.getMethod() == "GET" || request.getMethod() == "HEAD"; }
  bool is_post() const { return request.getMethod() == "POST"; }
  // The value of cookie `name`, or "" (the first one when repeated).
  std::string cookie(std::string_view name) const;
  // True when the Accept header asks for application/json.
  bool wants_json() const;
  // The request as received, for the ACS: method, Content-Type and the body, of which at most
  // `keep` bytes are kept (beyond that only its size is recorded; nothing is decided here).
  AcsRequest acs_request(std::size_t keep);
  // The body, refusing more than `cap` bytes (checked against Content-Length first, then while
  // reading). Fails with binding.too_large.
  core::Result<std::string> body(std::size_t cap);
  // The body as a urlencoded form; fails with binding.too_large or codec.url_invalid.
  core::Result<core::FormFields> form(std::size_t cap);

  // Set-Cookie with Path=/, HttpOnly, SameSite=Lax (and Secure on https); max_age < 0: session
  // cookie; 0: delete.
  void set_cookie(std::string_view name, std::string_view value, long max_age = -1);
  void send(int status, std::string_view content_type, std::string_view body);
  void send_html(int status, std::string_view html) { send(status, "text/html; charset=utf-8", html); }
  void send_json(int status, const nlohmann::json& json);
  void redirect(std::string_view location, int status = 302);
};

// The first value of query parameter `name` (decoded), or "".
std::string query_value(std::string_view raw_query, std::string_view name);

}  // namespace samlt::sp::server
