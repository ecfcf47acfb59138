// SPDX-License-Identifier: Apache-2.0
// The route table and the Poco plumbing. Every request goes through dispatch(), which catches
// everything: a handler failure becomes a 500 page and the server keeps serving.
#include "samlt/idp/idp_server.hpp"

#include "server/handlers.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>

#include <cctype>
#include <iostream>

namespace samlt::idp {
namespace {

using server::Exchange;

struct Route {
  std::string_view methods;  // space-separated
  std::string_view pattern;  // literal segments compare case-insensitively; {x} matches any
  void (*handle)(Exchange&);
};

// Order matters: /common/… is listed before /{tenant}/….
constexpr Route k_routes[] = {
    {"GET", "/", &server::handle_home},
    {"GET POST", "/{tenant}/saml2", &server::handle_saml2},
    {"POST", "/{tenant}/login", &server::handle_login_form},
    {"GET", "/common/federationmetadata/2007-06/federationmetadata.xml",
     &server::handle_common_metadata},
    {"GET", "/{tenant}/federationmetadata/2007-06/federationmetadata.xml",
     &server::handle_tenant_metadata},
    {"GET", "/api/signin/{app}", &server::handle_launch},
    {"GET", "/_control/health", &server::handle_control_health},
    {"GET", "/_control/mutators", &server::handle_control_mutators},
    {"GET POST DELETE", "/_control/faults", &server::handle_control_faults},
    {"GET", "/_control/messages", &server::handle_control_messages},
    {"GET", "/_control/sessions", &server::handle_control_sessions},
};

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    end = end == std::string_view::npos ? path.size() : end;
    if (end > start) {
      out.emplace_back(path.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool matches(const Route& route, const std::vector<std::string>& segments) {
  auto pattern = split(route.pattern);
  if (pattern.size() != segments.size()) {
    return false;
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i].front() != '{' && !iequal(pattern[i], segments[i])) {
      return false;
    }
  }
  return true;
}

bool allows(const Route& route, const std::string& method) {
  std::string methods = " " + std::string(route.methods) + " ";
  return methods.find(" " + method + " ") != std::string::npos;
}

void dispatch(Exchange& ex) {
  if (ex.request.getURI().size() > ex.config().limits.max_uri_bytes) {
    server::send_error_page(ex, aadsts_fail(core::Reason::idp_request_too_large, {}).value());
    return;
  }
  bool path_known = false;
  for (const auto& route : k_routes) {
    if (!matches(route, ex.segments)) {
      continue;
    }
    path_known = true;
    if (allows(route, ex.request.getMethod())) {
      route.handle(ex);
      return;
    }
  }
  if (path_known) {
    ex.response.set("Allow", "GET, POST");
    server::send_problem(ex, 405, core::id(core::Reason::idp_method_not_allowed),
                         ex.request.getMethod() + " " + ex.path);
  } else {
    server::send_problem(ex, 404, core::id(core::Reason::idp_path_unknown), ex.path);
  }
}

class Handler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(server::ServerContext& context) : m_context(context) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    const std::string& uri = request.getURI();
    auto q = uri.find('?');
    std::string path = uri.substr(0, q);
    Exchange ex{request,
                response,
                m_context,
                path,
                split(path),
                q == std::string::npos ? std::string() : uri.substr(q + 1),
                m_context.clock.now()};
    try {
      dispatch(ex);
    } catch (const std::exception& error) {
      fail_closed(ex, error.what());
    } catch (...) {
      fail_closed(ex, "unknown exception");
    }
  }

 private:
  static void fail_closed(Exchange& ex, const std::string& what) {
    std::cerr << "idp_sim: " << ex.request.getMethod() << " " << ex.path
              << ": internal.error: " << what << "\n";
    if (!ex.response.sent()) {
      server::send_problem(ex, 500, "internal.error", what);
    }
  }

  server::ServerContext& m_context;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(server::ServerContext& context) : m_context(context) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(m_context);
  }

 private:
  server::ServerContext& m_context;
};

}  // namespace

bool is_loopback_host(std::string_view host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

struct IdpServer::Impl {
  const Idp& idp;
  const core::Clock& clock;
  ServeOptions options;
  std::unique_ptr<server::ServerContext> context;
  std::unique_ptr<Poco::Net::HTTPServer> http;
  int port = 0;
};

IdpServer::IdpServer(const Idp& idp, const core::Clock& clock, ServeOptions options)
    : m_impl(std::make_unique<Impl>(Impl{idp, clock, std::move(options), nullptr, nullptr, 0})) {}

IdpServer::~IdpServer() {
  stop();
}

core::Result<void> IdpServer::start() {
  const auto& opts = m_impl->options;
  const IdpConfig& config = m_impl->idp.config();
  if (!is_loopback_host(opts.host)) {
    return core::fail(core::Reason::config_invalid,
                      "--host: expected 127.0.0.1, ::1 or localhost, not '" + opts.host + "'");
  }
  if (opts.tls && !config.tls_credential) {
    return core::fail(core::Reason::config_invalid,
                      config.source + ": /tls: expected a TLS credential for --tls");
  }
  try {
    Poco::Net::SocketAddress address(opts.host == "localhost" ? "127.0.0.1" : opts.host,
                                     static_cast<Poco::UInt16>(opts.port));
    std::unique_ptr<Poco::Net::ServerSocket> socket;
    if (opts.tls) {
      const auto& named = config.credential_files.at(*config.tls_credential);
      Poco::Net::Context::Ptr tls = new Poco::Net::Context(
          Poco::Net::Context::SERVER_USE, named.key_file.string(), named.certificate_file.string(),
          "", Poco::Net::Context::VERIFY_NONE);
      socket = std::make_unique<Poco::Net::SecureServerSocket>(tls);
    } else {
      socket = std::make_unique<Poco::Net::ServerSocket>();
    }
    // SO_REUSEADDR (a restart need not wait out TIME_WAIT) but not SO_REUSEPORT, which Poco's
    // address constructors also set: with it a second server on the same port would silently take
    // part of this one's connections (socket(7)).
    socket->bind(address, true, false);
    socket->listen(64);
    m_impl->port = socket->address().port();
    std::string host = opts.host == "::1" ? "[::1]" : opts.host;
    std::string base = config.public_base_url.value_or((opts.tls ? "https://" : "http://") + host +
                                                       ":" + std::to_string(m_impl->port));
    const Limits& limits = config.limits;
    m_impl->context.reset(new server::ServerContext{
        m_impl->idp, m_impl->clock, base, server::SessionStore(limits.max_sessions),
        server::PendingStore(limits.max_sessions), server::FaultStore(),
        server::MessageLog(limits.recent_messages)});
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(limits.max_threads);
    params->setMaxQueued(256);
    params->setTimeout(Poco::Timespan(limits.request_timeout_seconds, 0));
    params->setKeepAliveTimeout(Poco::Timespan(limits.request_timeout_seconds, 0));
    params->setMaxKeepAliveRequests(100);
    m_impl->http =
        std::make_unique<Poco::Net::HTTPServer>(new Factory(*m_impl->context), *socket, params);
    m_impl->http->start();
  } catch (const Poco::Exception& error) {
    return core::fail(core::Reason::idp_listen_failed,
                      opts.host + ":" + std::to_string(opts.port) + ": " + error.displayText());
  }
  return {};
}

void IdpServer::stop() {
  if (m_impl && m_impl->http) {
    m_impl->http->stopAll(true);
    m_impl->http.reset();
  }
}

int IdpServer::port() const {
  return m_impl->port;
}

std::string IdpServer::base_url() const {
  return m_impl->context ? m_impl->context->base_url : "";
}

}  // namespace samlt::idp
