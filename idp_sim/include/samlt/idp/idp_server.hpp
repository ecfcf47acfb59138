// SPDX-License-Identifier: Apache-2.0
// The HTTP(S) server (Poco HTTPServer) with Entra's paths (entra-spec §0): /{tenant}/saml2,
// federation metadata (tenant, ?appid=, common), /api/signin/{app-id} (IdP-initiated), the
// sign-in page's /{tenant}/login, and the loopback control API under /_control/. Loopback only.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/idp.hpp"

#include <memory>
#include <string>

namespace samlt::idp {

struct ServeOptions {
  std::string host = "127.0.0.1";  // 127.0.0.1, ::1 or localhost
  int port = 8080;                 // 0: any free port (see IdpServer::port())
  bool tls = false;                // HTTPS with the config's `tls` credential
};

// True for the loopback names the server may bind to.
bool is_loopback_host(std::string_view host);

// REQUIRES: `idp` and `clock` outlive the server. Handlers run on a Poco thread pool; every
// handler turns every failure into a response, and request size and time are bounded
// (Limits), so bad input never stops the server.
class IdpServer {
 public:
  IdpServer(const Idp& idp, const core::Clock& clock, ServeOptions options);
  ~IdpServer();
  IdpServer(const IdpServer&) = delete;
  IdpServer& operator=(const IdpServer&) = delete;

  // Binds and starts serving. Fails with config.invalid (not a loopback host, no TLS credential)
  // or idp.listen_failed (the socket could not be bound; detail says why).
  core::Result<void> start();
  void stop();

  int port() const;              // the bound port
  std::string base_url() const;  // public_base_url, else http(s)://host:port

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace samlt::idp
