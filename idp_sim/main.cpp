// SPDX-License-Identifier: Apache-2.0
// idp_sim: a table of subcommands. Configuration errors (core::Fatal) end the program with the
// file, the JSON pointer and what was expected, and exit code 2.
#include "samlt/core/result.hpp"
#include "samlt/diagnose/diagnose_command.hpp"
#include "samlt/idp/cli.hpp"
#include "samlt/runner/load_command.hpp"
#include "samlt/runner/matrix.hpp"
#include "samlt/runner/run_command.hpp"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

namespace {

using samlt::idp::Command;

int run(std::span<const std::string> args) {
  return samlt::runner::run_command({args.begin(), args.end()}, stdout, stderr);
}

int load(std::span<const std::string> args) {
  return samlt::runner::load_command({args.begin(), args.end()}, stdout, stderr);
}

int mint(std::span<const std::string> args) {
  return samlt::runner::mint_command({args.begin(), args.end()}, stdout, stderr);
}

int matrix(std::span<const std::string> args) {
  return samlt::runner::matrix_command({args.begin(), args.end()}, stdout, stderr);
}

// One row per subcommand.
constexpr Command k_commands[] = {
    {"serve", "serve the simulated Entra tenant over HTTP(S) on loopback",
     &samlt::idp::serve_command},
    {"certs", "generate the TEST-ONLY certificate set", &samlt::idp::certs_command},
    {"mutators", "list the fault mutators and the reason a strict SP must give",
     &samlt::idp::mutators_command},
    {"run", "run scenario files against an SP and write JUnit, JSON and HTML reports", &run},
    {"matrix", "build a compatibility matrix from several runs' reports", &matrix},
    {"load", "sign in N times per second against an SP, open loop, with latency percentiles", &load},
    {"mint", "pre-sign N Responses as the payload of a distributed load tool (Artillery)", &mint},
    {"diagnose", "check a captured sign-in (HAR, SAML-tracer, SAMLResponse) and say what to fix",
     &samlt::diagnose::diagnose_command},
};

int usage(std::ostream& out, int code) {
  out << "usage: idp_sim <command> [options]   (idp_sim <command> --help for "
         "details)\n\ncommands:\n";
  for (const auto& command : k_commands) {
    out << "  " << command.name
        << std::string(10 - std::min<std::size_t>(command.name.size(), 9), ' ') << command.summary
        << "\n";
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    return usage(std::cerr, 2);
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    return usage(std::cout, 0);
  }
  try {
    for (const auto& command : k_commands) {
      if (command.name == args[0]) {
        return command.run(std::span<const std::string>(args).subspan(1));
      }
    }
  } catch (const samlt::core::Fatal& error) {
    std::cerr << "idp_sim: " << error.what() << "\n";
    return 2;
  }
  std::cerr << "idp_sim: unknown command '" << args[0] << "'\n";
  return usage(std::cerr, 2);
}
