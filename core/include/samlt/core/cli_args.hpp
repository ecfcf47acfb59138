// SPDX-License-Identifier: Apache-2.0
// A small flag parser for the subcommands: `--name value`, `--name=value`, boolean `--name`, and,
// where a command takes them, positional words (idp_sim diagnose INPUT…).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace samlt::core::cli {

struct Args {
  std::map<std::string, std::string> values;
  std::set<std::string> flags;
  std::vector<std::string> positional;  // only when parse_args allows them
  std::string error;  // non-empty: bad usage

  std::optional<std::string> value(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool flag(const std::string& name) const { return flags.count(name) != 0; }
};

// `with_value`: options that take a value; `booleans`: options that do not. "--help" is always
// a boolean. Anything else, or a missing value, sets `error`; so does a word that is not an
// option, unless `positional` allows it.
enum class Positional { refused, allowed };
Args parse_args(std::span<const std::string> args, const std::set<std::string>& with_value,
                const std::set<std::string>& booleans, Positional positional = Positional::refused);

}  // namespace samlt::core::cli
