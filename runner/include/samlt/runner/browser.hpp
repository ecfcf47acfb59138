// SPDX-License-Identifier: Apache-2.0
// The runner's browser: plain HTTP/1.1 with a cookie jar, optional redirect following, and a record
// of every exchange for the report. One Browser per scenario (not thread-safe; cheap to create).
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/core/result.hpp"
#include "samlt/reports/report_model.hpp"
#include "samlt/runner/target.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner {

struct HttpResponse {
  std::string url;  // the URL that produced this response
  int status = 0;
  reports::NamedValues headers;
  std::string body;
  std::optional<std::string> header(std::string_view name) const;  // case-insensitive, first
  std::optional<std::string> location() const;                       // absolute URL
};

class Browser {
 public:
  explicit Browser(double timeout_seconds = 10.0, TlsSettings tls = {})
      : m_timeout_seconds(timeout_seconds), m_tls(std::move(tls)) {}

  // One request; no redirect is followed. Fails with runner.http_failed when the server cannot be
  // reached or answers something that is not HTTP (detail says what).
  core::Result<HttpResponse> get(const std::string& url, const reports::NamedValues& headers = {},
                                 std::string_view label = "GET");
  core::Result<HttpResponse> post_form(const std::string& url, const core::FormFields& form,
                                       const reports::NamedValues& headers = {},
                                       std::string_view label = "POST");
  core::Result<HttpResponse> post(const std::string& url, std::string_view content_type,
                                  const std::string& body, std::string_view label = "POST");

  // Follows Location headers with GET from `response`, at most `max_hops` times; every page seen
  // (including `response`) is returned in order.
  core::Result<std::vector<HttpResponse>> follow(const HttpResponse& response, int max_hops = 5);

  std::optional<std::string> cookie(std::string_view name) const;
  void clear_cookies() { m_cookies.clear(); }
  const std::vector<reports::HttpExchange>& exchanges() const { return m_exchanges; }

 private:
  core::Result<HttpResponse> send(const std::string& method, const std::string& url,
                                  const reports::NamedValues& headers, const std::string& body,
                                  std::string_view label);

  double m_timeout_seconds;
  TlsSettings m_tls;
  std::map<std::string, std::string, std::less<>> m_cookies;  // name -> value (one SP per browser)
  std::vector<reports::HttpExchange> m_exchanges;
};

// `reference` resolved against `base` (RFC 3986 §5.2).
std::string resolve_url(const std::string& base, const std::string& reference);

}  // namespace samlt::runner
