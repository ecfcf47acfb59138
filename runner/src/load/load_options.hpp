// SPDX-License-Identifier: Apache-2.0
// The command line of `idp_sim load`.
#pragma once

#include "samlt/runner/plan.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner::load {

// A run is bounded by design: at most this many sign-ins, and this long.
inline constexpr double k_max_rate = 100000;
inline constexpr double k_max_duration_seconds = 3600;
inline constexpr double k_max_sign_ins = 1'000'000;
inline constexpr int k_max_concurrency = 1024;

// --mint: pre-sign every sign-in before the timed run (premint.hpp).
enum class MintMode { automatic, always, never };

struct LoadOptions {
  std::filesystem::path target;
  double rate = 0;              // sign-ins started per second (open loop)
  double duration_seconds = 0;  // how long sign-ins are started for
  int concurrency = 64;         // at most this many sign-ins in flight; the rest wait, and it counts
  std::optional<std::filesystem::path> scenario;  // a one-step sign_in scenario; default a valid one
  std::vector<std::string> users;                 // a pool, taken in turn; default the scenario's user
  std::optional<Flow> flow;                       // default: SP-initiated when the target has a login_url
  std::optional<int> sp_pid;                      // a local SP whose RSS is sampled
  MintMode mint = MintMode::automatic;  // automatic: when the rate is beyond half of live signing
  bool allow_remote = false;                      // a target that is not on loopback
  std::filesystem::path report_dir = "reports/load";
  double timeout_seconds = 10.0;  // per HTTP request
  bool quiet = false;             // no progress lines
  bool help = false;
};

// Option values, shared with `idp_sim mint`; each throws core::Fatal naming `option` and the range.
double to_number(const std::string& text, const std::string& option, double min, double max);
int to_int(const std::string& text, const std::string& option, int min, int max);
std::vector<std::string> split_list(const std::string& text);  // "a,b" -> {a, b}; empty items dropped

// Throws core::Fatal naming the bad option and what it expects.
LoadOptions parse_load_options(const std::vector<std::string>& args);

std::string load_usage();

}  // namespace samlt::runner::load
