// SPDX-License-Identifier: Apache-2.0
// The command line of `idp_sim run`.
#pragma once

#include "samlt/runner/plan.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner {

struct RunOptions {
  std::vector<std::filesystem::path> paths;  // scenario files and folders
  std::vector<std::filesystem::path> targets;  // several: one report folder each, plus a matrix
  std::filesystem::path report_dir = "reports/latest";
  FlowChoice flows = FlowChoice::preferred;
  bool check_target_only = false;  // --check-target: only the signal check
  bool target_check = true;        // --no-target-check turns the check before a run off
  bool list_policies = false;
  bool list_needs = false;
  std::optional<std::filesystem::path> write_idp_metadata;  // write the IdP metadata and stop
  std::string idp_base_url = "http://127.0.0.1:8080";       // the endpoints that metadata names
  int jobs = 4;
  std::vector<std::string> tags;
  std::vector<std::string> only;     // --only: scenario ids (or id prefixes) to run
  std::vector<std::string> exclude;  // --exclude: scenario ids (or id prefixes) to leave out
  int shard_index = 1;
  int shard_count = 1;
  double timeout_seconds = 10.0;
  bool quiet = false;
  bool help = false;
};

// Throws core::Fatal with a message naming the bad option and what it expects.
RunOptions parse_run_options(const std::vector<std::string>& args);

}  // namespace samlt::runner
