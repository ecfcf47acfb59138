// SPDX-License-Identifier: Apache-2.0
// Command-line options: `--name value` pairs, flags and positional words, each known in advance.
// Anything unknown, repeated or missing throws core::Fatal("<option>: <expected>").
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::sp::cli {

class Args {
 public:
  // `valued`: options taking a value; `flags`: options without one. --help is always a flag.
  Args(const std::vector<std::string>& args, std::initializer_list<std::string_view> valued,
       std::initializer_list<std::string_view> flags);

  bool help() const { return has("--help"); }
  bool has(std::string_view option) const;
  std::optional<std::string> value(std::string_view option) const;
  int port(std::string_view option, int fallback) const;  // 0-65535
  const std::vector<std::string>& positional() const { return m_positional; }

 private:
  std::vector<std::pair<std::string, std::string>> m_options;
  std::vector<std::string> m_positional;
};

// The configuration file named by --config, or the bundled default.
std::filesystem::path config_path(const Args& args);

}  // namespace samlt::sp::cli
