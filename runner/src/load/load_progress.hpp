// SPDX-License-Identifier: Apache-2.0
// The live side of a load run: one progress line per second (completions per second, p50/p99 of
// that second, outcomes so far, errors by reason) and, with --sp-pid, the SP's resident memory
// read once per second.
#pragma once

#include "load/load_sign_in.hpp"
#include "load/open_loop.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace samlt::runner::load {

// VmRSS of process `pid` in KiB (/proc/PID/status), or nullopt when it cannot be read.
std::optional<long> read_rss_kb(int pid);

class LiveProgress {
 public:
  LiveProgress(std::FILE* out, bool quiet, std::optional<int> sp_pid);
  ~LiveProgress();
  LiveProgress(const LiveProgress&) = delete;
  LiveProgress& operator=(const LiveProgress&) = delete;

  void start(SteadyClock::time_point start);
  // Thread-safe; called by the workers.
  void finished(const Sample& sample);
  void stop();
  // The SP's RSS read at each second since the start (-1: not readable then); empty without a pid.
  std::vector<long> rss_by_second() const;

 private:
  void tick(int second);

  std::FILE* m_out;
  bool m_quiet;
  std::optional<int> m_sp_pid;
  SteadyClock::time_point m_start;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stopping = false;
  std::thread m_thread;
  std::vector<double> m_window;  // latencies completed since the last line
  std::size_t m_accepted = 0, m_rejected = 0, m_errors = 0;
  std::map<std::string, std::size_t> m_error_reasons;
  std::vector<long> m_rss;
};

}  // namespace samlt::runner::load
