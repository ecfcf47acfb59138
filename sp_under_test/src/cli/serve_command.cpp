// SPDX-License-Identifier: Apache-2.0
// `sp_under_test serve`: bind, open the database, seed, serve until SIGINT or SIGTERM.
#include "samlt/sp/commands.hpp"

#include "cli/args.hpp"
#include "metadata/metadata_refresher.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/sp/sp_server.hpp"

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <iostream>

namespace samlt::sp::cli {
namespace {

constexpr const char* k_serve_usage = R"(usage: sp_under_test serve [--config FILE] [--host HOST] [--port N] [--db FILE]

Runs the reference SP until SIGINT or SIGTERM.
  --config FILE  configuration (default: sp_under_test/config/default.json)
  --host HOST    loopback address to bind (default: the config's, 127.0.0.1)
  --port N       port (default: the config's, 8081; 0 = any free port)
  --db FILE      SQLite state file (default: the config's database)
Endpoints: /saml/metadata /saml/login?idp=NAME /saml/acs /saml/slo /saml/policy /me /login
           /logout /admin /verdicts/<request_id> /healthz
)";

void log_line(const nlohmann::json& json) { stdout_log_sink()(json.dump()); }

}  // namespace

int serve_command(const std::vector<std::string>& arguments) {
  Args args(arguments, {"--config", "--host", "--port", "--db"}, {});
  if (args.help()) {
    std::cout << k_serve_usage;
    return 0;
  }
  if (!args.positional().empty()) {
    throw core::Fatal(args.positional().front() + ": unexpected argument (see --help)");
  }
  // Block the stop signals before any thread starts, so that only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  SpConfig config = load_sp_config(config_path(args));
  config.host = args.value("--host").value_or(config.host);
  if (!is_loopback_host(config.host)) {
    throw core::Fatal("--host: expected a loopback address (127.0.0.1, ::1 or localhost)");
  }
  auto server = SpServer::bind(config.host, args.port("--port", config.port));
  if (!server) {
    throw core::Fatal("--port: " + server.error().detail);
  }
  config.port = (*server)->port();
  std::filesystem::path db = args.value("--db").value_or(config.database.string());
  if (db.has_parent_path()) {
    std::error_code ignored;
    std::filesystem::create_directories(db.parent_path(), ignored);
  }
  auto store = Store::open(db.string(), config.database_durability);
  if (!store) {
    throw core::Fatal("--db: " + store.error().detail);
  }
  core::SystemClock clock;
  ServiceProvider sp(config, std::move(*store), clock);
  if (auto seeded = sp.seed_accounts(); !seeded) {
    throw core::Fatal(config.file.string() + ": /accounts: " + seeded.error().detail);
  }
  std::vector<TrustedIdpSeed> pending;
  for (std::size_t i = 0; i < config.trusted_idps.size(); ++i) {
    const TrustedIdpSeed& seed = config.trusted_idps[i];
    auto seeded = sp.seed_idp(seed);
    if (seeded) {
      continue;
    }
    if (seed.metadata_url.empty()) {
      throw core::Fatal(config.file.string() + ": /trusted_idps/" + std::to_string(i) + ": " +
                        std::string(core::id(seeded.error().reason)) + ": " + seeded.error().detail);
    }
    log_line({{"event", "idp.pending"}, {"idp", seed.name}, {"reason", core::id(seeded.error().reason)},
              {"detail", seeded.error().detail}});
    pending.push_back(seed);  // the IdP is not up yet: retried in the background
  }
  MetadataRefresher refresher(sp, std::move(pending));
  (*server)->start(sp);
  log_line({{"event", "server.started"}, {"url", config.effective_base_url()}, {"port", config.port},
            {"entity_id", config.entity_id}, {"database", db.string()},
            {"policy", nlohmann::json::parse(sp.policy_json())}});
  int signal = 0;
  sigwait(&stop_signals, &signal);
  log_line({{"event", "server.stopping"}, {"signal", signal}});
  (*server)->stop();
  return 0;
}

}  // namespace samlt::sp::cli
