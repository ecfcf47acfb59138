// SPDX-License-Identifier: Apache-2.0
// Progress output: one rewritten line on a terminal, one plain line per scenario otherwise (CI logs).
#pragma once

#include "samlt/reports/report_model.hpp"

#include <cstddef>
#include <cstdio>
#include <mutex>

namespace samlt::runner {

class Progress {
 public:
  Progress(std::FILE* out, std::size_t total, bool quiet);
  // Thread-safe.
  void finished(const reports::ScenarioResult& result);
  void done();

 private:
  std::FILE* m_out;
  std::size_t m_total;
  bool m_quiet;
  bool m_terminal;
  std::size_t m_done = 0;
  reports::Summary m_counts;
  std::mutex m_mutex;
};

}  // namespace samlt::runner
