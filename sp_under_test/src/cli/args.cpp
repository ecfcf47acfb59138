// SPDX-License-Identifier: Apache-2.0
#include "cli/args.hpp"

#include "samlt/core/result.hpp"

#include <algorithm>

namespace samlt::sp::cli {

Args::Args(const std::vector<std::string>& args, std::initializer_list<std::string_view> valued,
           std::initializer_list<std::string_view> flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      m_positional.push_back(arg);
      continue;
    }
    bool takes_value = std::find(valued.begin(), valued.end(), arg) != valued.end();
    bool is_flag = arg == "--help" || std::find(flags.begin(), flags.end(), arg) != flags.end();
    if (!takes_value && !is_flag) {
      throw core::Fatal(arg + ": unknown option (see --help)");
    }
    if (has(arg)) {
      throw core::Fatal(arg + ": given twice");
    }
    if (takes_value) {
      if (i + 1 >= args.size()) {
        throw core::Fatal(arg + ": expected a value");
      }
      m_options.emplace_back(arg, args[++i]);
    } else {
      m_options.emplace_back(arg, "");
    }
  }
}

bool Args::has(std::string_view option) const {
  return std::any_of(m_options.begin(), m_options.end(), [&](const auto& o) { return o.first == option; });
}

std::optional<std::string> Args::value(std::string_view option) const {
  for (const auto& [name, value] : m_options) {
    if (name == option) {
      return value;
    }
  }
  return std::nullopt;
}

int Args::port(std::string_view option, int fallback) const {
  auto text = value(option);
  if (!text) {
    return fallback;
  }
  try {
    std::size_t used = 0;
    int port = std::stoi(*text, &used);
    if (used == text->size() && port >= 0 && port <= 65535) {
      return port;
    }
  } catch (const std::exception&) {
  }
  throw core::Fatal(std::string(option) + ": expected a port number from 0 to 65535");
}

std::filesystem::path config_path(const Args& args) {
  return args.value("--config").value_or(SAMLT_SP_DEFAULT_CONFIG);
}

}  // namespace samlt::sp::cli
