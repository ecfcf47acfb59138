// SPDX-License-Identifier: Apache-2.0
// One third-party interop SP (tests/interop/<impl>/), started on a free loopback port in a folder of
// its own and stopped by the pids its start script recorded, whatever way the test ends.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace samlt::test::interop {

// The repository's interop folder, tests/interop.
std::filesystem::path interop_dir();

class InteropSp {
 public:
  // Writes DIR/idp.json (idp_sim/config/default.json with the test certificate set), the IdP
  // metadata the SP must trust (`idp_sim run --target … --write-idp-metadata`, for the target of
  // scenarios/targets/examples/<example>), then runs tests/interop/<impl>/start. REQUIREs that the
  // SP started: missing Debian packages fail the test with the start script's message (CI installs
  // them). REQUIRES: DIR is short (Shibboleth's socket path) and under world-searchable folders.
  InteropSp(std::string impl, std::string example, const std::filesystem::path& dir);
  // tests/interop/<impl>/stop, then SIGKILL to every process group of DIR/pids still alive.
  ~InteropSp();
  InteropSp(const InteropSp&) = delete;
  InteropSp& operator=(const InteropSp&) = delete;

  const std::string& impl() const { return m_impl; }
  const std::string& base_url() const { return m_base_url; }
  const std::filesystem::path& dir() const { return m_dir; }
  std::filesystem::path target() const { return m_dir / "target.json"; }
  std::filesystem::path logs() const { return m_dir / "logs"; }
  // The processes of DIR/pids that are no longer running: the SP went down.
  std::vector<int> exited_processes() const;
  // The SP's certificate (DIR/sp.crt), the one its metadata advertises, as one base64 line.
  std::string certificate_base64() const;

 private:
  void stop();

  std::string m_impl;
  std::filesystem::path m_dir;
  std::string m_base_url;
  bool m_started = false;
};

// Every file under `dir` (the SP's logs), concatenated; each file's text after a "==> NAME <==" line.
std::string read_logs(const std::filesystem::path& dir);

}  // namespace samlt::test::interop
