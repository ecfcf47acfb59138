// SPDX-License-Identifier: Apache-2.0
// Finding, loading and selecting scenarios: files and folders from the command line, tags, shards.
#pragma once

#include "samlt/runner/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace samlt::runner {

// Every *.json scenario under `paths` (files taken as given; folders searched recursively, except
// folders named "targets", which hold target files), loaded and sorted by id. The suite of a
// scenario is its first folder below the folder given on the command line. Throws core::Fatal
// for an unreadable path, an invalid scenario, or two scenarios with one id.
std::vector<Scenario> load_scenarios(const std::vector<std::filesystem::path>& paths);

// Keeps scenarios carrying any of `tags` (or whose suite is one of them); all when `tags` is empty.
std::vector<Scenario> filter_by_tags(std::vector<Scenario> scenarios, const std::vector<std::string>& tags);

// Shard `index` (1-based) of `count`: every count-th scenario in id order, so shards are disjoint
// and together complete. REQUIRES: 1 <= index <= count.
std::vector<Scenario> select_shard(std::vector<Scenario> scenarios, int index, int count);

}  // namespace samlt::runner
