// SPDX-License-Identifier: Apache-2.0
#include "sp_restart.hpp"

#include "target_resolve.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace samlt::runner {
namespace {

using Clock = std::chrono::steady_clock;

std::string command_text(const std::vector<std::string>& command) {
  std::string out;
  for (const auto& arg : command) {
    out += (out.empty() ? "" : " ") + arg;
  }
  return out;
}

// The command's exit status (or a failure), its output kept to the last 2 KiB.
core::Result<void> run_command_until(const Target& target, Clock::time_point deadline) {
  const auto& command = target.restart->command;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return core::fail(core::Reason::runner_sp_protocol, "restart: no pipe for the command's output");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  std::string folder = target.file.parent_path().empty() ? "." : target.file.parent_path().string();
  posix_spawn_file_actions_addchdir_np(&actions, folder.c_str());
  std::vector<char*> argv;
  for (const auto& arg : command) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (spawned != 0) {
    close(fds[0]);
    return core::fail(core::Reason::runner_sp_protocol,
                      "restart: cannot start '" + command_text(command) + "' in " + folder + ": " + std::strerror(spawned));
  }
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  std::string output;
  int status = 0;
  bool exited = false;
  while (!exited && Clock::now() < deadline) {
    char buffer[1024];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) {
      output.append(buffer, static_cast<std::size_t>(n));
      if (output.size() > 2048) {
        output.erase(0, output.size() - 2048);
      }
    }
    exited = waitpid(pid, &status, WNOHANG) == pid;
    if (!exited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  close(fds[0]);
  if (!exited) {
    kill(pid, SIGKILL);  // the command this runner started, by its pid
    waitpid(pid, &status, 0);
    return core::fail(core::Reason::runner_sp_protocol, "restart: '" + command_text(command) + "' still ran after " +
                                                            std::to_string(static_cast<int>(target.restart->timeout_seconds)) +
                                                            " s, and was killed");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string how = WIFEXITED(status) ? "exited " + std::to_string(WEXITSTATUS(status))
                                        : "ended by signal " + std::to_string(WTERMSIG(status));
    return core::fail(core::Reason::runner_sp_protocol,
                      "restart: '" + command_text(command) + "' " + how + (output.empty() ? "" : ": " + output));
  }
  return {};
}

}  // namespace

core::Result<void> restart_sp(const Target& target) {
  auto deadline = Clock::now() + std::chrono::milliseconds(static_cast<long long>(target.restart->timeout_seconds * 1000));
  if (auto ran = run_command_until(target, deadline); !ran) {
    return ran;
  }
  for (;;) {
    auto up = check_reachable(target, 2.0);
    if (up || Clock::now() >= deadline) {
      if (!up) {
        return core::fail(up.error().reason, "restart: the SP did not answer again within " +
                                                 std::to_string(static_cast<int>(target.restart->timeout_seconds)) +
                                                 " s: " + up.error().detail);
      }
      return {};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace samlt::runner
