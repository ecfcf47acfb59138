// SPDX-License-Identifier: Apache-2.0
#include "progress.hpp"

#include <unistd.h>

namespace samlt::runner {

Progress::Progress(std::FILE* out, std::size_t total, bool quiet)
    : m_out(out), m_total(total), m_quiet(quiet), m_terminal(isatty(fileno(out)) == 1) {}

void Progress::finished(const reports::ScenarioResult& result) {
  std::lock_guard lock(m_mutex);
  ++m_done;
  ++m_counts.total;
  switch (result.status) {
    case reports::Status::passed: ++m_counts.passed; break;
    case reports::Status::failed: ++m_counts.failed; break;
    case reports::Status::error: ++m_counts.errors; break;
    case reports::Status::skipped: ++m_counts.skipped; break;
  }
  if (m_quiet) {
    return;
  }
  if (m_terminal) {
    std::fprintf(m_out, "\r\033[K[%zu/%zu] passed %zu, failed %zu, errors %zu, skipped %zu  %s", m_done,
                 m_total, m_counts.passed, m_counts.failed, m_counts.errors, m_counts.skipped, result.id.c_str());
    if (result.status == reports::Status::failed || result.status == reports::Status::error) {
      std::fprintf(m_out, "\r\033[K%s %s: %s\n", result.status == reports::Status::failed ? "FAIL " : "ERROR",
                   result.id.c_str(), result.message.c_str());
    }
  } else {
    const char* word = result.status == reports::Status::passed    ? "PASS"
                       : result.status == reports::Status::failed  ? "FAIL"
                       : result.status == reports::Status::skipped ? "SKIP"
                                                                   : "ERROR";
    bool quiet_line = result.status == reports::Status::passed;
    std::fprintf(m_out, "%-6s %s (%.2fs)%s%s\n", word, result.id.c_str(), result.duration_seconds,
                 quiet_line ? "" : ": ", quiet_line ? "" : result.message.c_str());
  }
  std::fflush(m_out);
}

void Progress::done() {
  std::lock_guard lock(m_mutex);
  if (m_terminal && !m_quiet) {
    std::fprintf(m_out, "\r\033[K");
  }
  std::fflush(m_out);
}

}  // namespace samlt::runner
