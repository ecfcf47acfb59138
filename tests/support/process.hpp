// SPDX-License-Identifier: Apache-2.0
// Running other programs from tests: one-shot commands (the xmlsec1 and openssl command lines, the
// independent oracles) and long-running servers started on loopback and stopped by their pid.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace samlt::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `argv` (argv[0] looked up on PATH), waits, and returns its exit code and output.
CommandResult run_command(const std::vector<std::string>& argv);

// A program started in the background whose output goes to a log file. The destructor ends it
// (SIGTERM, then SIGKILL after 5 s) by its own pid: only processes the tests started are touched.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_file);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int pid() const { return m_pid; }
  bool running() const;
  std::string log() const;  // everything the program has written so far
  void stop();
  // SIGKILL at once, as a crash or the OOM killer would end it: no shutdown code runs.
  void kill_hard();

 private:
  int m_pid = -1;
  std::filesystem::path m_log;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_loopback_port();

// Polls `url` (http://127.0.0.1:port/...) until it answers or `seconds` pass.
bool wait_for_http(const std::string& url, double seconds);

}  // namespace samlt::test
