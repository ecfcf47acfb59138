// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/browser.hpp"

#include "samlt/core/clock.hpp"
#include "samlt/core/saml_time.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>

namespace samlt::runner {
namespace {

// Reports keep an excerpt: enough to see an error page, not megabytes of HTML.
constexpr std::size_t k_body_excerpt = 4096;

std::string excerpt(const std::string& body) { return reports::excerpt(body, k_body_excerpt); }
// The scenario's HAR keeps bodies whole up to this size, enough for any SAML message a browser
// carries; larger ones (the oversize attacks) stay excerpts there too.
constexpr std::size_t k_har_body_limit = 1024 * 1024;

std::string seconds_text(double seconds) {
  std::ostringstream out;
  out << seconds;
  return out.str();
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The client TLS context for `tls`: TLS 1.2 or later, the system CAs plus `ca_file`, the peer's
// certificate and host name checked unless verification is off.
Poco::Net::Context::Ptr client_context(const TlsSettings& tls) {
  using Poco::Net::Context;
  auto mode = tls.verify ? Context::VERIFY_RELAXED : Context::VERIFY_NONE;
  Context::Ptr context = new Context(Context::TLS_CLIENT_USE, "", "", tls.ca_file ? tls.ca_file->string() : "",
                                     mode, 9, true);
  context->requireMinimumProtocol(Context::PROTO_TLSV1_2);
  return context;
}

std::unique_ptr<Poco::Net::HTTPClientSession> open_session(const Poco::URI& uri, const TlsSettings& tls) {
  if (uri.getScheme() == "https") {
    return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), client_context(tls));
  }
  return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<std::string> HttpResponse::location() const {
  auto value = header("Location");
  return value ? std::optional<std::string>(resolve_url(url, *value)) : std::nullopt;
}

std::string resolve_url(const std::string& base, const std::string& reference) {
  try {
    Poco::URI resolved(base);
    resolved.resolve(reference);
    return resolved.toString();
  } catch (const Poco::Exception&) {
    return reference;
  }
}

core::Result<HttpResponse> Browser::get(const std::string& url, const reports::NamedValues& headers,
                                        std::string_view label) {
  return send("GET", url, headers, "", label);
}

core::Result<HttpResponse> Browser::post_form(const std::string& url, const core::FormFields& form,
                                              const reports::NamedValues& headers, std::string_view label) {
  auto all = headers;
  all.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return send("POST", url, all, core::encode_form(form), label);
}

core::Result<HttpResponse> Browser::post(const std::string& url, std::string_view content_type,
                                         const std::string& body, std::string_view label) {
  return send("POST", url, {{"Content-Type", std::string(content_type)}}, body, label);
}

core::Result<std::vector<HttpResponse>> Browser::follow(const HttpResponse& response, int max_hops) {
  std::vector<HttpResponse> pages{response};
  for (int hop = 0; hop < max_hops; ++hop) {
    const auto& last = pages.back();
    auto next = last.location();
    if (!next || last.status < 300 || last.status > 399) {
      break;
    }
    auto page = get(*next, {}, "follow redirect");
    if (!page) {
      return core::fail(page.error());
    }
    pages.push_back(std::move(*page));
  }
  return pages;
}

std::optional<std::string> Browser::cookie(std::string_view name) const {
  auto found = m_cookies.find(name);
  return found == m_cookies.end() ? std::nullopt : std::optional<std::string>(found->second);
}

core::Result<HttpResponse> Browser::send(const std::string& method, const std::string& url,
                                         const reports::NamedValues& headers, const std::string& body,
                                         std::string_view label) {
  reports::HttpExchange exchange{std::string(label), method, url, headers, excerpt(body), std::nullopt, {}, ""};
  auto started = std::chrono::steady_clock::now();
  exchange.started_at = core::format_datetime(core::SystemClock().now());
  if (exchange.request_body.size() != body.size() && body.size() <= k_har_body_limit) {
    exchange.whole_request_body = body;
  }
  bool sent = false;  // once the SP has the request, a failure is the SP's answer, not the way to it
  try {
    Poco::URI uri(url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") {
      return core::fail(core::Reason::runner_http_failed, "not an http:// or https:// URL: " + url);
    }
    auto connection = open_session(uri, m_tls);
    auto& session = *connection;
    session.setTimeout(Poco::Timespan(static_cast<long>(m_timeout_seconds * 1e6)));
    Poco::Net::HTTPRequest request(method, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) {
      request.set(name, value);
    }
    if (!m_cookies.empty()) {
      Poco::Net::NameValueCollection jar;
      for (const auto& [name, value] : m_cookies) {
        jar.add(name, value);
      }
      request.setCookies(jar);
    }
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    std::ostream& request_body = session.sendRequest(request);
    sent = true;  // connected, and the SP has the request line and headers
    request_body << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResponse out;
    out.url = url;
    out.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, out.body);
    for (const auto& [name, value] : response) {
      out.headers.emplace_back(name, value);
    }
    std::vector<Poco::Net::HTTPCookie> cookies;
    response.getCookies(cookies);
    for (const auto& cookie : cookies) {
      if (cookie.getMaxAge() == 0 || cookie.getValue().empty()) {
        m_cookies.erase(cookie.getName());
      } else {
        m_cookies[cookie.getName()] = cookie.getValue();
      }
    }
    exchange.status = out.status;
    exchange.response_headers = out.headers;
    exchange.response_body = excerpt(out.body);
    if (exchange.response_body.size() != out.body.size() && out.body.size() <= k_har_body_limit) {
      exchange.whole_response_body = out.body;
    }
    exchange.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    m_exchanges.push_back(std::move(exchange));
    return out;
  } catch (const Poco::TimeoutException& e) {
    exchange.response_body = "(no response: " + e.displayText() + ")";
    m_exchanges.push_back(std::move(exchange));
    return core::fail(sent ? core::Reason::runner_answer_timeout : core::Reason::runner_http_failed,
                      method + " " + url + ": " + (sent ? "no answer within " + seconds_text(m_timeout_seconds) + " s"
                                                        : e.displayText()));
  } catch (const Poco::Net::MessageException& e) {
    exchange.response_body = "(unreadable response: " + e.displayText() + ")";
    m_exchanges.push_back(std::move(exchange));
    return core::fail(sent ? core::Reason::runner_answer_unreadable : core::Reason::runner_http_failed,
                      method + " " + url + ": " + e.displayText());
  } catch (const Poco::Exception& e) {
    exchange.response_body = "(no response: " + e.displayText() + ")";
    m_exchanges.push_back(std::move(exchange));
    return core::fail(core::Reason::runner_http_failed, method + " " + url + ": " + e.displayText());
  } catch (const std::exception& e) {
    m_exchanges.push_back(std::move(exchange));
    return core::fail(core::Reason::runner_http_failed, method + " " + url + ": " + e.what());
  }
}

}  // namespace samlt::runner
