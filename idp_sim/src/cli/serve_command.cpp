// SPDX-License-Identifier: Apache-2.0
// `idp_sim serve`: load the configuration, bind a loopback port, serve until SIGINT or SIGTERM.
#include "samlt/core/cli_args.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/idp/cli.hpp"
#include "samlt/idp/idp_config.hpp"
#include "samlt/idp/idp_server.hpp"

#include <csignal>
#include <iostream>

namespace samlt::idp {
namespace {

constexpr std::string_view k_usage =
    "usage: idp_sim serve --config FILE [--host 127.0.0.1] [--port 8080] [--tls]\n"
    "  Serves a simulated Microsoft Entra ID tenant (SAML SSO, SLO, metadata) on loopback.\n"
    "  --config FILE  the tenant configuration (idp_sim/config/default.json is the default one)\n"
    "  --host HOST    127.0.0.1, ::1 or localhost (nothing else: this is a test IdP)\n"
    "  --port N       TCP port; 0 picks a free one (default 8080)\n"
    "  --tls          HTTPS with the configuration's `tls` credential\n";

}  // namespace

int serve_command(std::span<const std::string> args) {
  auto parsed = core::cli::parse_args(args, {"config", "host", "port"}, {"tls"});
  if (parsed.flag("help")) {
    std::cout << k_usage;
    return 0;
  }
  ServeOptions options;
  options.host = parsed.value("host").value_or("127.0.0.1");
  options.tls = parsed.flag("tls");
  std::string port = parsed.value("port").value_or("8080");
  bool port_ok = !port.empty() && port.size() <= 5 &&
                 port.find_first_not_of("0123456789") == std::string::npos &&
                 std::stoi(port) <= 65535;
  if (!parsed.error.empty() || !parsed.value("config") || !port_ok ||
      !is_loopback_host(options.host)) {
    std::cerr << "idp_sim serve: "
              << (!parsed.error.empty()     ? parsed.error
                  : !parsed.value("config") ? "--config FILE is required"
                  : !port_ok                ? "--port: expected 0..65535"
                             : "--host: expected 127.0.0.1, ::1 or localhost (loopback only)")
              << "\n"
              << k_usage;
    return 2;
  }
  options.port = std::stoi(port);
  Idp idp(load_idp_config(*parsed.value("config")));  // core::Fatal → main → exit 2

  // Block the stop signals before the server starts its threads, then wait for one here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  core::SystemClock clock;
  IdpServer server(idp, clock, options);
  if (auto started = server.start(); !started) {
    std::cerr << "idp_sim serve: " << core::id(started.error().reason) << ": "
              << started.error().detail << "\n";
    return 1;
  }
  std::cout << "idp_sim: tenant " << idp.tenant_id() << " listening on " << server.base_url()
            << " (SAML endpoint " << server.base_url() << "/" << idp.tenant_id() << "/saml2)"
            << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cout << "idp_sim: stopping (signal " << signal << ")" << std::endl;
  server.stop();
  return 0;
}

}  // namespace samlt::idp
