// SPDX-License-Identifier: Apache-2.0
// Summing a load run's samples up into its report (samlt/reports/load_report.hpp).
#pragma once

#include "load/load_sign_in.hpp"
#include "samlt/reports/load_report.hpp"

#include <vector>

namespace samlt::runner::load {

using reports::Bottleneck;
using reports::LoadSummary;
using reports::Percentiles;
using reports::SecondBucket;

struct RunFacts {
  double requested_rate = 0;
  double wall_seconds = 0;
  double cpu_seconds = 0;  // this process's user + system time during the run
  unsigned cores = 1;
  std::vector<long> sp_rss_kb_by_second;  // empty without --sp-pid; -1: not read that second
  int sp_pid = 0;
};

// Nearest-rank percentiles of `values` (seconds).
Percentiles percentiles(std::vector<double> values);

LoadSummary summarize(const std::vector<Sample>& samples, const RunFacts& facts);

}  // namespace samlt::runner::load
