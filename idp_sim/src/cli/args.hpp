// SPDX-License-Identifier: Apache-2.0
// A small flag parser for the subcommands: `--name value`, `--name=value` and boolean `--name`.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>

namespace samlt::idp::cli {

struct Args {
  std::map<std::string, std::string> values;
  std::set<std::string> flags;
  std::string error;  // non-empty: bad usage

  std::optional<std::string> value(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool flag(const std::string& name) const { return flags.count(name) != 0; }
};

// `with_value`: options that take a value; `booleans`: options that do not. "--help" is always
// a boolean. Anything else, or a missing value, sets `error`.
Args parse_args(std::span<const std::string> args, const std::set<std::string>& with_value,
                const std::set<std::string>& booleans);

}  // namespace samlt::idp::cli
