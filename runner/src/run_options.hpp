// SPDX-License-Identifier: Apache-2.0
// The command line of `idp_sim run`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner {

struct RunOptions {
  std::vector<std::filesystem::path> paths;  // scenario files and folders
  std::filesystem::path target;
  std::filesystem::path report_dir = "reports/latest";
  int jobs = 4;
  std::vector<std::string> tags;
  int shard_index = 1;
  int shard_count = 1;
  double timeout_seconds = 10.0;
  bool quiet = false;
  bool help = false;
};

// Throws core::Fatal with a message naming the bad option and what it expects.
RunOptions parse_run_options(const std::vector<std::string>& args);

}  // namespace samlt::runner
