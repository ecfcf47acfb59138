// SPDX-License-Identifier: Apache-2.0
// Finding, loading and selecting scenarios: files and folders from the command line, tags, ids, shards.
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

// Keeps the scenarios `only` names (all when it is empty), then drops those `exclude` names. A
// name is a scenario id, or an id's prefix ending at a '/' ("security/xsw": a section;
// "security/encryption/enc-key-loop": every variant of that file). Throws core::Fatal for a name
// that no scenario has, so a typo does not quietly run nothing or everything.
std::vector<Scenario> select_by_id(std::vector<Scenario> scenarios, const std::vector<std::string>& only,
                                   const std::vector<std::string>& exclude);

// Shard `index` (1-based) of `count`: every count-th scenario in id order, so shards are disjoint
// and together complete. REQUIRES: 1 <= index <= count.
std::vector<Scenario> select_shard(std::vector<Scenario> scenarios, int index, int count);

}  // namespace samlt::runner
