// SPDX-License-Identifier: Apache-2.0
#include "run_options.hpp"

#include "samlt/core/result.hpp"

#include <charconv>

namespace samlt::runner {
namespace {

int to_int(const std::string& text, const std::string& option, int min, int max) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw core::Fatal(option + ": expected an integer from " + std::to_string(min) + " to " +
                      std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) {
      out.push_back(item);
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

}  // namespace

RunOptions parse_run_options(const std::vector<std::string>& args) {
  RunOptions options;
  bool has_target = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) {
        throw core::Fatal(arg + ": expected a value");
      }
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg == "--target") {
      options.target = value();
      has_target = true;
    } else if (arg == "--report") {
      options.report_dir = value();
    } else if (arg == "--jobs" || arg == "-j") {
      options.jobs = to_int(value(), arg, 1, 64);
    } else if (arg == "--tags") {
      options.tags = split(value());
    } else if (arg == "--timeout") {
      options.timeout_seconds = to_int(value(), arg, 1, 600);
    } else if (arg == "--quiet" || arg == "-q") {
      options.quiet = true;
    } else if (arg == "--shard") {
      const std::string& shard = value();
      auto slash = shard.find('/');
      if (slash == std::string::npos) {
        throw core::Fatal("--shard: expected k/N (for example 2/4), got '" + shard + "'");
      }
      options.shard_count = to_int(shard.substr(slash + 1), "--shard N", 1, 1000);
      options.shard_index = to_int(shard.substr(0, slash), "--shard k", 1, options.shard_count);
    } else if (!arg.empty() && arg[0] == '-') {
      throw core::Fatal(arg + ": unknown option (see --help)");
    } else {
      options.paths.emplace_back(arg);
    }
  }
  if (!options.help && !has_target) {
    throw core::Fatal("--target: required (a target file, e.g. scenarios/targets/reference-sp.json)");
  }
  if (options.paths.empty()) {
    options.paths.emplace_back("scenarios");
  }
  return options;
}

}  // namespace samlt::runner
