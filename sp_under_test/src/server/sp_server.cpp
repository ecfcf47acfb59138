// SPDX-License-Identifier: Apache-2.0
// The Poco HTTP server: a route table and one handler class that catches everything.
#include "samlt/sp/sp_server.hpp"

#include "server/handlers.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <cstdio>

namespace samlt::sp {
namespace {

struct Route {
  std::string_view path;
  bool prefix;  // path is a prefix ("/verdicts/")
  void (*handle)(server::Exchange&);
};

constexpr Route k_routes[] = {
    {"/saml/acs", false, server::saml_acs},
    {"/saml/login", false, server::saml_login},
    {"/saml/metadata", false, server::saml_metadata},
    {"/saml/slo", false, server::saml_slo},
    {"/saml/policy", false, server::saml_policy},
    {"/verdicts/", true, server::verdicts},
    {"/me", false, server::me},
    {"/login", false, server::login},
    {"/logout", false, server::logout},
    {"/admin", false, server::admin},
    {"/admin/idps/", true, server::admin_action},
    {"/healthz", false, server::healthz},
    {"/", false, server::index},
};

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(ServiceProvider& sp) : m_sp(sp) {}

  // Bad input never crashes or stops the server: every exception ends here as a 500 (or, when the
  // response was already sent, is dropped).
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    const std::string& uri = request.getURI();
    std::size_t question = uri.find('?');
    server::Exchange ex{request, response, m_sp, uri.substr(0, question),
                        question == std::string::npos ? std::string() : uri.substr(question + 1)};
    try {
      for (const Route& route : k_routes) {
        if (route.prefix ? ex.path.rfind(route.path, 0) == 0 : ex.path == route.path) {
          route.handle(ex);
          return;
        }
      }
      ex.send_json(404, {{"error", "no such endpoint"}});
    } catch (const std::exception& e) {
      fail(ex, e.what());
    } catch (...) {
      fail(ex, "unknown exception");
    }
  }

 private:
  static void fail(server::Exchange& ex, const std::string& what) {
    try {
      if (!ex.response.sent()) {
        server::send_error(ex, 500, {core::Reason::internal_error, what});
      }
    } catch (...) {
      // The connection is gone; nothing is left to tell.
    }
  }

  ServiceProvider& m_sp;
};

class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(ServiceProvider& sp) : m_sp(sp) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(m_sp);
  }

 private:
  ServiceProvider& m_sp;
};

}  // namespace

struct SpServer::Impl {
  Poco::Net::ServerSocket socket;
  std::unique_ptr<Poco::Net::HTTPServer> server;
};

SpServer::SpServer() : m_impl(std::make_unique<Impl>()) {}

SpServer::~SpServer() { stop(); }

core::Result<std::unique_ptr<SpServer>> SpServer::bind(const std::string& host, int port) {
  if (!is_loopback_host(host)) {
    return core::fail(core::Reason::config_invalid, "host '" + host + "' is not a loopback address");
  }
  try {
    std::unique_ptr<SpServer> server(new SpServer());
    std::string address = host == "localhost" ? "127.0.0.1" : (host == "[::1]" ? "::1" : host);
    // SO_REUSEADDR (a restart need not wait out TIME_WAIT) but not SO_REUSEPORT, which Poco's
    // two-argument bind also sets: with it a second server on the same port would silently take
    // part of this one's connections (socket(7)).
    server->m_impl->socket.bind(Poco::Net::SocketAddress(address, static_cast<Poco::UInt16>(port)), true, false);
    server->m_impl->socket.listen(128);
    return server;
  } catch (const Poco::Exception& e) {
    return core::fail(core::Reason::io_read_failed, "cannot listen on " + host + ":" + std::to_string(port) + ": " +
                                                        e.displayText());
  }
}

int SpServer::port() const { return m_impl->socket.address().port(); }

void SpServer::start(ServiceProvider& sp) {
  auto* params = new Poco::Net::HTTPServerParams();
  params->setMaxThreads(16);
  params->setMaxQueued(256);
  params->setTimeout(Poco::Timespan(15, 0));  // a slow client cannot hold a thread for long
  params->setKeepAlive(true);
  m_impl->server = std::make_unique<Poco::Net::HTTPServer>(new Router(sp), m_impl->socket, params);
  m_impl->server->start();
}

void SpServer::stop() {
  if (m_impl && m_impl->server) {
    m_impl->server->stopAll(true);
    m_impl->server.reset();
  }
}

}  // namespace samlt::sp
