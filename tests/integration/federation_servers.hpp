// SPDX-License-Identifier: Apache-2.0
// Both real programs, started from their DEFAULT configuration files (only the ports, the
// certificate paths and the database moved into a temporary folder): what `./harness demo` runs,
// on free loopback ports, so that the tests prove the defaults work together with no editing.
#pragma once

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

namespace samlt::test {

class FederationServers {
 public:
  // `sp_encryption_role`: the test-set credential the SP decrypts with (its metadata publishes
  // that certificate).
  explicit FederationServers(const std::string& sp_encryption_role = "sp-encryption");
  ~FederationServers();
  FederationServers(const FederationServers&) = delete;
  FederationServers& operator=(const FederationServers&) = delete;

  std::string idp_base() const { return "http://127.0.0.1:" + std::to_string(m_idp_port); }
  std::string sp_base() const { return "http://127.0.0.1:" + std::to_string(m_sp_port); }
  const std::filesystem::path& idp_config() const { return m_idp_config; }
  const TempDir& dir() const { return m_dir; }
  int sp_pid() const;  // the running SP's (it changes when the SP restarts)
  // SIGKILL the SP (a crash: no shutdown code runs), start it again at once on the same database,
  // and wait until it answers. False when it does not come back within 30 s.
  bool crash_and_restart_sp();

  // A target file for the runner: scenarios/targets/reference-sp.json with these ports, and a
  // restart command that has these servers restart their SP (REPLAY-PERSISTENCE): the command
  // leaves a request file, a watcher thread here stops the SP by its pid, starts it again on the
  // same database, and answers with a done file.
  std::filesystem::path write_reference_target() const;

 private:
  TempDir m_dir;
  int m_idp_port = 0;
  int m_sp_port = 0;
  std::filesystem::path m_idp_config;
  std::filesystem::path m_sp_config;
  std::unique_ptr<ChildProcess> m_idp;
  std::unique_ptr<ChildProcess> m_sp;
  int m_sp_starts = 0;
  std::atomic<bool> m_stopping{false};
  std::thread m_restarter;

  bool start_servers(const std::string& sp_encryption_role);  // false: not ours on those ports
  bool sp_trusts_idp() const;
  void start_sp();
  void serve_restarts();
};

}  // namespace samlt::test
