// SPDX-License-Identifier: Apache-2.0
#include "federation_servers.hpp"

#include "samlt/runner/browser.hpp"

#include "samlt/core/fs.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

namespace samlt::test {
namespace {

std::string read(const std::filesystem::path& file) {
  auto text = core::read_file(file);
  REQUIRE(text);
  return *text;
}

// The default configurations name ports 8080 (IdP) and 8081 (SP) in their URLs.
std::string with_ports(std::string text, int idp_port, int sp_port) {
  for (auto [from, to] : {std::pair{std::string("127.0.0.1:8080"), "127.0.0.1:" + std::to_string(idp_port)},
                          {std::string("127.0.0.1:8081"), "127.0.0.1:" + std::to_string(sp_port)},
                          {std::string("localhost:8081"), "localhost:" + std::to_string(sp_port)}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

// The default SP configuration names the project's certificates relative to itself; the tests use
// the test set's, which has the same file names.
void use_test_certificates(nlohmann::json& json, const std::filesystem::path& cert_dir) {
  constexpr std::string_view prefix = "../../certs/generated/";
  for (auto& value : json) {
    if (value.is_structured()) {
      use_test_certificates(value, cert_dir);
    } else if (value.is_string() && value.get<std::string>().rfind(prefix, 0) == 0) {
      value = (cert_dir / value.get<std::string>().substr(prefix.size())).string();
    }
  }
}

}  // namespace

FederationServers::FederationServers(const std::string& sp_encryption_role) {
  // A port free a moment ago may be taken by another test's server before ours binds it: then our
  // server exits (the servers bind exclusively) and the other one would answer in its place. Each
  // start is checked by the server's own log line naming its port, and retried on new ports.
  for (int attempt = 1;; ++attempt) {
    if (start_servers(sp_encryption_role)) {
      break;
    }
    INFO(m_idp->log() << m_sp->log());
    REQUIRE(attempt < 5);
    m_sp->stop();
    m_idp->stop();
  }
  m_restarter = std::thread([this] { serve_restarts(); });
}

bool FederationServers::start_servers(const std::string& sp_encryption_role) {
  m_idp_port = free_loopback_port();
  m_sp_port = free_loopback_port();
  const auto& certs = test_cert_set();
  std::filesystem::path source(SAMLT_SOURCE_DIR);

  auto idp = nlohmann::json::parse(with_ports(read(source / "idp_sim/config/default.json"), m_idp_port, m_sp_port));
  idp["cert_set"] = certs.dir().string();
  m_idp_config = m_dir / "idp.json";
  REQUIRE(core::write_file_atomic(m_idp_config, idp.dump(2)));

  auto sp = nlohmann::json::parse(with_ports(read(source / "sp_under_test/config/default.json"), m_idp_port, m_sp_port));
  use_test_certificates(sp, certs.dir());
  sp["signing"] = {{"key_file", certs.key_path("sp-signing").string()},
                   {"certificate_file", certs.certificate_path("sp-signing").string()}};
  sp["encryption"] = {{"key_file", certs.key_path(sp_encryption_role).string()},
                      {"certificate_file", certs.certificate_path(sp_encryption_role).string()}};
  m_sp_config = m_dir / "sp.json";
  REQUIRE(core::write_file_atomic(m_sp_config, sp.dump(2)));

  m_idp = std::make_unique<ChildProcess>(
      std::vector<std::string>{SAMLT_IDP_SIM_EXE, "serve", "--config", m_idp_config.string(), "--port",
                               std::to_string(m_idp_port)},
      m_dir / "idp.log");
  start_sp();
  if (!wait_for_http(idp_base() + "/_control/health", 30) || !wait_for_http(sp_base() + "/healthz", 30)) {
    return false;
  }
  // Ours, and not another test's server on the same port.
  std::string idp_started = "listening on " + idp_base();
  std::string sp_started = "\"port\":" + std::to_string(m_sp_port) + ",";
  for (int i = 0; i < 100; ++i) {
    if (m_idp->log().find(idp_started) != std::string::npos && m_sp->log().find(sp_started) != std::string::npos) {
      return m_idp->running() && m_sp->running() && sp_trusts_idp();
    }
    if (!m_idp->running() || !m_sp->running()) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

FederationServers::~FederationServers() {
  m_stopping = true;
  if (m_restarter.joinable()) {
    m_restarter.join();
  }
}

// Ready as the demo is (scripts/demo.sh): the SP has imported the IdP's metadata, which it fetches
// at start and again every 2 s while the IdP is not up yet, so its login URL redirects to the IdP.
bool FederationServers::sp_trusts_idp() const {
  runner::Browser browser(2.0);
  for (int i = 0; i < 150; ++i) {
    auto login = browser.get(sp_base() + "/saml/login?idp=entra");
    if (login && login->status == 302) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

int FederationServers::sp_pid() const { return m_sp->pid(); }

bool FederationServers::crash_and_restart_sp() {
  m_sp->kill_hard();
  start_sp();
  return wait_for_http(sp_base() + "/healthz", 30);
}

void FederationServers::start_sp() {
  // Each start logs to a file of its own, so a restart keeps the first process's log.
  ++m_sp_starts;
  m_sp = std::make_unique<ChildProcess>(
      std::vector<std::string>{SAMLT_SP_UNDER_TEST_EXE, "serve", "--config", m_sp_config.string(), "--port",
                               std::to_string(m_sp_port), "--db", (m_dir / "sp.sqlite").string()},
      m_dir / (m_sp_starts == 1 ? std::string("sp.log") : "sp-" + std::to_string(m_sp_starts) + ".log"));
}

void FederationServers::serve_restarts() {
  auto request = m_dir / "sp-restart.request";
  auto done = m_dir / "sp-restart.done";
  while (!m_stopping) {
    std::error_code ec;
    if (std::filesystem::remove(request, ec)) {
      m_sp->stop();
      start_sp();
      if (wait_for_http(sp_base() + "/healthz", 30)) {
        core::write_file_atomic(done, "restarted\n");
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::filesystem::path FederationServers::write_reference_target() const {
  auto target = nlohmann::json::parse(
      with_ports(read(std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios/targets/reference-sp.json"), m_idp_port,
                 m_sp_port));
  target["idp"]["config"] = m_idp_config.string();
  // The request file, then up to 30 s for the done file (serve_restarts).
  target["restart"] = {{"command",
                        {"/bin/sh", "-c",
                         "rm -f \"$1\"; : >\"$0\"; i=0; while [ ! -e \"$1\" ]; do i=$((i+1)); "
                         "[ $i -gt 300 ] && exit 1; sleep 0.1; done",
                         (m_dir / "sp-restart.request").string(), (m_dir / "sp-restart.done").string()}},
                       {"timeout_seconds", 40}};

  auto file = m_dir / "reference-sp.json";
  REQUIRE(core::write_file_atomic(file, target.dump(2)));
  return file;
}

}  // namespace samlt::test
