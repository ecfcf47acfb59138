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

namespace {

// The body, keeping at most `keep` bytes. An oversized body is read and discarded (never kept) up
// to k_max_drain, so that a client that sends it all before reading still gets the answer; beyond
// that the connection is closed. `size` is the length declared or seen (> keep: nothing kept).
struct ReadBody {
  std::string kept;
  std::size_t size = 0;
};

ReadBody read_body(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   std::size_t keep) {
  std::istream& in = request.stream();
  char buffer[16384];
  auto drain = [&] {
    std::size_t drained = 0;
    while (drained < k_max_drain && (in.read(buffer, sizeof buffer) || in.gcount() > 0)) {
      drained += static_cast<std::size_t>(in.gcount());
    }
    if (drained >= k_max_drain) {
      response.setKeepAlive(false);
    }
    return drained;
  };
  ReadBody out;
  if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(keep)) {
    drain();
    out.size = static_cast<std::size_t>(request.getContentLength64());
    return out;
  }
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    out.kept.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (out.kept.size() > keep) {
      out.size = out.kept.size() + drain();
      out.kept.clear();
      return out;
    }
  }
  out.size = out.kept.size();
  return out;
}

}  // namespace

AcsRequest Exchange::acs_request(std::size_t keep) {
  ReadBody read = read_body(request, response, keep);
  return AcsRequest{request.getMethod(), request.getContentType(), std::move(read.kept), read.size};
}

core::Result<std::string> Exchange::body(std::size_t cap) {
  ReadBody read = read_body(request, response, cap);
  if (read.size > cap) {
    return core::fail(core::Reason::binding_too_large, "the request body exceeds " + std::to_string(cap) + " bytes");
  }
  return std::move(read.kept);
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
