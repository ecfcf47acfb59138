// SPDX-License-Identifier: Apache-2.0
#include "server/http_exchange.hpp"

#include "samlt/core/codec.hpp"
#include "validation/verdict_json.hpp"

#include <Poco/Net/NameValueCollection.h>

#include <istream>

namespace samlt::sp::server {

std::string Exchange::cookie(std::string_view name) const {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  auto it = cookies.find(std::string(name));
  return it == cookies.end() ? std::string() : it->second;
}

bool Exchange::wants_json() const {
  return request.get("Accept", "").find("application/json") != std::string::npos;
}

core::Result<std::string> Exchange::body(std::size_t cap) {
  auto too_large = [cap] {
    return core::fail(core::Reason::binding_too_large, "the request body exceeds " + std::to_string(cap) + " bytes");
  };
  std::istream& in = request.stream();
  char buffer[16384];
  // An oversized body is read and discarded (never kept) up to k_max_drain, so that a client that
  // sends it all before reading still gets the answer; beyond that the connection is closed.
  auto drain = [&] {
    std::size_t drained = 0;
    while (drained < k_max_drain && (in.read(buffer, sizeof buffer) || in.gcount() > 0)) {
      drained += static_cast<std::size_t>(in.gcount());
    }
    if (drained >= k_max_drain) {
      response.setKeepAlive(false);
    }
  };
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(cap)) {
    drain();
    return too_large();
  }
  std::string out;
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    out.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (out.size() > cap) {
      drain();
      return too_large();
    }
  }
  return out;
}

core::Result<core::FormFields> Exchange::form(std::size_t cap) {
  auto text = body(cap);
  if (!text) {
    return core::fail(text.error());
  }
  return core::parse_form(*text);
}

void Exchange::set_cookie(std::string_view name, std::string_view value, long max_age) {
  std::string header = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
  if (max_age >= 0) {
    header += "; Max-Age=" + std::to_string(max_age);
  }
  if (sp.config().effective_base_url().rfind("https://", 0) == 0) {
    header += "; Secure";
  }
  response.add("Set-Cookie", header);
}

void Exchange::send(int status, std::string_view content_type, std::string_view text) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(std::string(content_type));
  response.set("Cache-Control", "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  response.setContentLength64(static_cast<Poco::Int64>(text.size()));
  std::ostream& out = response.send();
  if (request.getMethod() != "HEAD") {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
}

void Exchange::send_json(int status, const nlohmann::json& json) {
  send(status, "application/json", dump_json(json));
}

void Exchange::redirect(std::string_view location, int status) {
  response.set("Location", std::string(location));
  send(status, "text/plain; charset=utf-8", "");
}

std::string query_value(std::string_view raw_query, std::string_view name) {
  auto fields = core::parse_form(raw_query);
  if (!fields) {
    return {};
  }
  auto values = core::form_values(*fields, name);
  return values.empty() ? std::string() : values.front();
}

}  // namespace samlt::sp::server
