// SPDX-License-Identifier: Apache-2.0
#include "load/load_options.hpp"

#include "samlt/core/result.hpp"

#include <charconv>
#include <cmath>

namespace samlt::runner::load {

double to_number(const std::string& text, const std::string& option, double min, double max) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < min ||
      value > max) {
    throw core::Fatal(option + ": expected a number from " + std::to_string(min) + " to " + std::to_string(max) +
                      ", got '" + text + "'");
  }
  return value;
}

int to_int(const std::string& text, const std::string& option, int min, int max) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw core::Fatal(option + ": expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                      ", got '" + text + "'");
  }
  return value;
}

std::vector<std::string> split_list(const std::string& text) {
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

std::string load_usage() {
  return "usage: idp_sim load --target FILE --rate N --duration SECONDS [--concurrency C]\n"
         "                    [--scenario FILE] [--users a@x,b@y] [--flow sp_initiated|idp_initiated]\n"
         "                    [--mint auto|always|never] [--sp-pid PID] [--report DIR] [--timeout SECONDS]\n"
         "                    [--allow-remote] [--quiet]\n"
         "  Signs in N times per second for SECONDS against the SP the target file describes. Every\n"
         "  sign-in is unique and freshly signed (its own IDs, times and, with --users, user) and goes\n"
         "  through the real flow: SP-initiated (login URL, IdP, ACS) when the target has a login_url,\n"
         "  else IdP-initiated. Open loop: sign-in i is due at i/N seconds whatever the SP does, and its\n"
         "  latency counts from then, so a sign-in that waits for one of the C slots (default 64) waits\n"
         "  on the clock. Each sign-in is judged from the ACS answer alone (the target's status,\n"
         "  Location, body and cookie signals and its JSON verdict; the session probe is not asked).\n"
         "  --scenario runs a one-step sign_in scenario (its user, mutators and app settings) instead of\n"
         "  a plain valid sign-in. --sp-pid samples a local SP's resident memory.\n"
         "  When the rate is beyond half of what this machine signs live (--mint auto), or with --mint\n"
         "  always, every sign-in is prepared before the timed run (SP-initiated: its AuthnRequest\n"
         "  collected from the SP first; at most 50,000), and the run only posts them to the ACS.\n"
         "  Prints a progress line each second and, at the end, throughput, latency percentiles\n"
         "  (p50/p90/p99/p99.9/max, whole flow and per step), accept/reject/error counts with reasons;\n"
         "  writes load.json and load.html (inline SVG) to the report folder (default reports/load).\n"
         "  Bounded: at most 1,000,000 sign-ins and 3,600 s; a sign-in not started by the end plus the\n"
         "  timeout is counted as an error, never waited for. Loopback targets only, unless\n"
         "  --allow-remote.\n"
         "  Exit: 0 every sign-in had the expected outcome, 1 some did not or failed, 2 bad usage or files.\n";
}

LoadOptions parse_load_options(const std::vector<std::string>& args) {
  LoadOptions options;
  bool has_rate = false;
  bool has_duration = false;
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
    } else if (arg == "--rate") {
      options.rate = to_number(value(), arg, 0.1, k_max_rate);
      has_rate = true;
    } else if (arg == "--duration") {
      options.duration_seconds = to_number(value(), arg, 0.1, k_max_duration_seconds);
      has_duration = true;
    } else if (arg == "--concurrency") {
      options.concurrency = to_int(value(), arg, 1, k_max_concurrency);
    } else if (arg == "--scenario") {
      options.scenario = value();
    } else if (arg == "--users") {
      options.users = split_list(value());
      if (options.users.empty()) {
        throw core::Fatal("--users: expected comma-separated user principal names");
      }
    } else if (arg == "--flow") {
      const std::string& text = value();
      if (text == "sp_initiated") {
        options.flow = Flow::sp_initiated;
      } else if (text == "idp_initiated") {
        options.flow = Flow::idp_initiated;
      } else {
        throw core::Fatal("--flow: expected sp_initiated or idp_initiated, got '" + text + "'");
      }
    } else if (arg == "--mint") {
      const std::string& text = value();
      if (text == "auto") {
        options.mint = MintMode::automatic;
      } else if (text == "always") {
        options.mint = MintMode::always;
      } else if (text == "never") {
        options.mint = MintMode::never;
      } else {
        throw core::Fatal("--mint: expected auto, always or never, got '" + text + "'");
      }
    } else if (arg == "--sp-pid") {
      options.sp_pid = to_int(value(), arg, 1, 1 << 30);
    } else if (arg == "--report") {
      options.report_dir = value();
    } else if (arg == "--timeout") {
      options.timeout_seconds = to_number(value(), arg, 0.1, 600);
    } else if (arg == "--allow-remote") {
      options.allow_remote = true;
    } else if (arg == "--quiet") {
      options.quiet = true;
    } else {
      throw core::Fatal("unknown option '" + arg + "' (idp_sim load --help)");
    }
  }
  if (options.help) {
    return options;
  }
  if (options.target.empty()) {
    throw core::Fatal("--target: required (a target file, as for idp_sim run)");
  }
  if (!has_rate || !has_duration) {
    throw core::Fatal(std::string(!has_rate ? "--rate" : "--duration") + ": required");
  }
  if (options.rate * options.duration_seconds > k_max_sign_ins) {
    throw core::Fatal("--rate x --duration: at most 1,000,000 sign-ins in one run, asked for " +
                      std::to_string(static_cast<long long>(options.rate * options.duration_seconds)));
  }
  return options;
}

}  // namespace samlt::runner::load
