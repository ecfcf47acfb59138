// SPDX-License-Identifier: Apache-2.0
#include "server/exchange.hpp"

#include "samlt/idp/aadsts.hpp"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/NameValueCollection.h>

#include <istream>

namespace samlt::idp::server {

core::Result<std::string> read_body(Exchange& ex) {
  const std::size_t cap = ex.config().limits.max_body_bytes;
  if (ex.request.hasContentLength() &&
      ex.request.getContentLength64() > static_cast<long long>(cap)) {
    ex.response.setKeepAlive(false);  // the unread body must not be parsed as the next request
    return aadsts_fail(
        core::Reason::idp_request_too_large,
        {.diagnostic = "body of " + std::to_string(ex.request.getContentLength64()) + " bytes"});
  }
  std::istream& in = ex.request.stream();
  std::string body;
  char buffer[8192];
  while (in.good() && body.size() <= cap) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (body.size() > cap) {
    ex.response.setKeepAlive(false);
    return aadsts_fail(core::Reason::idp_request_too_large,
                       {.diagnostic = "body over " + std::to_string(cap) + " bytes"});
  }
  return body;
}

std::optional<std::string> query_value(const Exchange& ex, std::string_view name) {
  auto fields = core::parse_form(ex.raw_query);
  if (!fields) {
    return std::nullopt;
  }
  auto values = core::form_values(*fields, name);
  return values.empty() ? std::nullopt : std::optional<std::string>(values.front());
}

core::FormFields form_fields(std::string_view body) {
  auto fields = core::parse_form(body);
  return fields ? *fields : core::FormFields{};
}

std::optional<std::string> cookie(const Exchange& ex, std::string_view name) {
  Poco::Net::NameValueCollection cookies;
  ex.request.getCookies(cookies);
  auto it = cookies.find(std::string(name));
  return it == cookies.end() ? std::nullopt : std::optional<std::string>(it->second);
}

void set_session_cookie(Exchange& ex, const std::string& session_id) {
  Poco::Net::HTTPCookie c(std::string(k_session_cookie), session_id);
  c.setPath("/");
  c.setHttpOnly(true);
  c.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  ex.response.addCookie(c);
}

void clear_session_cookie(Exchange& ex) {
  Poco::Net::HTTPCookie c(std::string(k_session_cookie), "");
  c.setPath("/");
  c.setMaxAge(0);
  ex.response.addCookie(c);
}

void send(Exchange& ex, int status, std::string_view content_type, const std::string& body) {
  ex.response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  ex.response.setContentType(std::string(content_type));
  ex.response.set("Cache-Control", "no-store");
  ex.response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  ex.response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

void send_html(Exchange& ex, int status, const std::string& html) {
  send(ex, status, "text/html; charset=utf-8", html);
}

void send_json(Exchange& ex, int status, const nlohmann::json& body) {
  send(ex, status, "application/json",
       body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void send_redirect(Exchange& ex, const std::string& location) {
  ex.response.set("Location", location);
  send(ex, 302, "text/html; charset=utf-8",
       "<html><body>Object moved to <a href=\"" + core::html_escape(location) +
           "\">here</a>.</body></html>");
}

void send_error_page(Exchange& ex, const core::Error& error, const std::string& app_id) {
  auto aadsts = as_aadsts(error);
  if (!aadsts) {
    send_problem(ex, 500, core::id(error.reason), error.detail);
    return;
  }
  TraceIds ids = new_trace_ids(ex.now);
  ex.server.messages.add({ex.now,
                          "sent",
                          "error",
                          "",
                          app_id,
                          "",
                          "",
                          {},
                          aadsts->code,
                          std::string(core::id(aadsts->reason))});
  // Real Entra names the request in x-ms-request-id; X-Samlt-Aadsts is for headless judges.
  ex.response.set("x-ms-request-id", ids.request_id);
  ex.response.set("X-Samlt-Aadsts", std::to_string(aadsts->code));
  ex.response.set("X-Samlt-Reason", std::string(core::id(aadsts->reason)));
  send_html(ex, ex.config().knobs.error_page_status, error_page_html(*aadsts, ids));
}

void send_problem(Exchange& ex, int status, std::string_view reason_id, const std::string& detail) {
  ex.response.set("X-Samlt-Reason", std::string(reason_id));
  send_html(ex, status,
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>idp_sim: " +
                std::to_string(status) + "</title></head><body><h1>" + std::to_string(status) +
                "</h1><p id=\"reason\">" + core::html_escape(reason_id) + "</p><pre>" +
                core::html_escape(detail) + "</pre></body></html>\n");
}

}  // namespace samlt::idp::server
