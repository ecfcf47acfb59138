// SPDX-License-Identifier: Apache-2.0
// The report of a load run (`idp_sim load`): rates, latency percentiles (whole flow and per step),
// outcomes with their reasons, a per-second timeline, and what held the run back if anything.
// load.json for tools, load.html (inline SVG charts, nothing fetched) for people, a text summary
// for the terminal.
#pragma once

#include "samlt/core/result.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::reports {

struct Percentiles {
  std::size_t count = 0;
  // Seconds; all 0 when count is 0. Nearest-rank percentiles.
  double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
};

struct SecondBucket {
  std::size_t started = 0;   // sign-ins started in this second
  std::size_t finished = 0;  // sign-ins that ended in it (accepted, rejected or errors)
  std::size_t accepted = 0, rejected = 0, errors = 0;
  double p50 = 0, p99 = 0;  // latency of those that ended in it
  std::optional<long> sp_rss_kb;
};

// Whether the run kept its schedule, and if not, what held it back.
enum class Bottleneck { none, generator, concurrency };

struct LoadSummary {
  std::string target;       // the target's name
  std::string flow;         // "sp-initiated" or "idp-initiated"
  std::string scenario;     // the scenario id
  int concurrency = 0;
  double duration_seconds = 0;  // as requested
  double requested_rate = 0;
  double achieved_rate = 0;  // sign-ins started per second, over the span of the starts
  double throughput = 0;     // sign-ins completed (accepted or rejected) per second
  double wall_seconds = 0;
  std::size_t total = 0, accepted = 0, rejected = 0, errors = 0, unexpected = 0;
  std::map<std::string, std::size_t> reject_reasons, error_reasons;
  std::map<std::string, std::string> error_examples;  // reason -> the first such error's detail
  Percentiles whole, login, idp, acs;  // the whole flow (from when it was due) and each step
  Percentiles start_lag;  // how late sign-ins started after they were due
  std::vector<SecondBucket> timeline;
  double generator_cpu = 0;  // this process's CPU time over wall time x cores, 0..1
  Bottleneck bottleneck = Bottleneck::none;
  std::size_t minted = 0;        // sign-ins prepared before the timed run (0: signed live)
  double mint_seconds = 0;       // how long preparing them took
  double live_signing_rate = 0;  // what this machine signs live, per second (0: not measured)
  std::optional<long> sp_rss_peak_kb;  // with --sp-pid: the SP's peak resident memory
  int sp_pid = 0;
  std::string started_at;  // ISO 8601
};

std::string_view bottleneck_name(Bottleneck bottleneck);

// The summary as a few lines for the terminal.
std::string render_load_text(const LoadSummary& summary);
// load.json: every figure of the summary, latencies in milliseconds, keys in a fixed order.
core::Result<std::string> render_load_json(const LoadSummary& summary);
// load.html: one self-contained page, the figures and two inline SVG charts (sign-ins started
// and completed per second; latency p50 and p99 per second). Every value is escaped.
core::Result<std::string> render_load_html(const LoadSummary& summary);
// Writes load.json and load.html into `dir` (created if needed), each atomically.
core::Result<void> write_load_reports(const LoadSummary& summary, const std::filesystem::path& dir);

}  // namespace samlt::reports
