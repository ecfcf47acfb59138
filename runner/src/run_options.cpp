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
      options.targets.emplace_back(value());
      has_target = true;
    } else if (arg == "--flows") {
      const std::string& text = value();
      auto choice = parse_flow_choice(text);
      if (!choice) {
        throw core::Fatal("--flows: expected preferred, all, sp_initiated or idp_initiated, got '" + text + "'");
      }
      options.flows = *choice;
    } else if (arg == "--check-target") {
      options.check_target_only = true;
    } else if (arg == "--no-target-check") {
      options.target_check = false;
    } else if (arg == "--list-policies") {
      options.list_policies = true;
    } else if (arg == "--list-needs") {
      options.list_needs = true;
    } else if (arg == "--write-idp-metadata") {
      options.write_idp_metadata = value();
    } else if (arg == "--idp-base-url") {
      options.idp_base_url = value();
      if (options.idp_base_url.rfind("http://", 0) != 0 && options.idp_base_url.rfind("https://", 0) != 0) {
        throw core::Fatal("--idp-base-url: expected an http:// or https:// URL, got '" + options.idp_base_url + "'");
      }
      while (!options.idp_base_url.empty() && options.idp_base_url.back() == '/') {
        options.idp_base_url.pop_back();
      }
    } else if (arg == "--report") {
      options.report_dir = value();
    } else if (arg == "--jobs" || arg == "-j") {
      options.jobs = to_int(value(), arg, 1, 64);
    } else if (arg == "--tags") {
      options.tags = split(value());
    } else if (arg == "--only") {
      options.only = split(value());
    } else if (arg == "--exclude") {
      options.exclude = split(value());
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
  bool listing = options.help || options.list_policies || options.list_needs;
  if (!listing && !has_target) {
    throw core::Fatal("--target: required (a target file, e.g. scenarios/targets/reference-sp.json)");
  }
  if ((options.check_target_only || options.write_idp_metadata) && options.targets.size() > 1) {
    throw core::Fatal(std::string(options.check_target_only ? "--check-target" : "--write-idp-metadata") +
                      ": takes exactly one --target");
  }
  if (options.check_target_only && !options.target_check) {
    throw core::Fatal("--check-target and --no-target-check: choose one");
  }
  if (options.paths.empty()) {
    options.paths.emplace_back("scenarios");
  }
  return options;
}

}  // namespace samlt::runner
