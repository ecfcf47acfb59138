// SPDX-License-Identifier: Apache-2.0
#include "load/load_progress.hpp"

#include "load/load_stats.hpp"

#include <fstream>
#include <sstream>

namespace samlt::runner::load {

std::optional<long> read_rss_kb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      std::istringstream fields(line.substr(6));
      long kb = -1;
      fields >> kb;
      return kb >= 0 ? std::optional<long>(kb) : std::nullopt;
    }
  }
  return std::nullopt;
}

LiveProgress::LiveProgress(std::FILE* out, bool quiet, std::optional<int> sp_pid)
    : m_out(out), m_quiet(quiet), m_sp_pid(sp_pid) {}

LiveProgress::~LiveProgress() { stop(); }

void LiveProgress::start(SteadyClock::time_point start) {
  m_start = start;
  m_thread = std::thread([this] {
    std::unique_lock lock(m_mutex);
    for (int second = 0;; ++second) {
      if (m_wake.wait_until(lock, m_start + std::chrono::seconds(second), [this] { return m_stopping; })) {
        return;
      }
      lock.unlock();
      tick(second);
      lock.lock();
    }
  });
}

void LiveProgress::finished(const Sample& sample) {
  std::lock_guard lock(m_mutex);
  switch (sample.outcome) {
    case SampleOutcome::accept: ++m_accepted; break;
    case SampleOutcome::reject: ++m_rejected; break;
    case SampleOutcome::error: ++m_errors; ++m_error_reasons[sample.reason]; break;
  }
  if (sample.outcome != SampleOutcome::error) {
    m_window.push_back(sample.finished - sample.due);
  }
}

void LiveProgress::tick(int second) {
  long rss_kb = m_sp_pid ? read_rss_kb(*m_sp_pid).value_or(-1) : -1;  // -1: none
  std::lock_guard lock(m_mutex);
  if (m_sp_pid) {
    m_rss.resize(static_cast<std::size_t>(second) + 1, -1);
    m_rss[static_cast<std::size_t>(second)] = rss_kb;
  }
  if (m_quiet || second == 0) {
    m_window.clear();
    return;
  }
  auto p = percentiles(std::move(m_window));
  m_window.clear();
  std::string errors;
  for (const auto& [reason, count] : m_error_reasons) {
    errors += (errors.empty() ? " [" : ", ") + reason + " " + std::to_string(count);
  }
  if (!errors.empty()) {
    errors += "]";
  }
  std::string memory = rss_kb >= 0 ? "  SP RSS " + std::to_string(rss_kb / 1024) + " MiB" : std::string();
  std::fprintf(m_out, "load: %3d s  %zu completed/s  p50 %.1f ms  p99 %.1f ms  accepted %zu  rejected %zu  errors %zu%s%s\n",
               second, p.count, p.p50 * 1000, p.p99 * 1000, m_accepted, m_rejected, m_errors, errors.c_str(),
               memory.c_str());
  std::fflush(m_out);
}

void LiveProgress::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

std::vector<long> LiveProgress::rss_by_second() const {
  std::lock_guard lock(m_mutex);
  return m_rss;
}

}  // namespace samlt::runner::load
