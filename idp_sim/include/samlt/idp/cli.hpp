// SPDX-License-Identifier: Apache-2.0
// The idp_sim subcommands. main.cpp is a table of these rows; another component adds its own
// subcommand (the runner's `run`) with one more row of the same shape.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace samlt::idp {

// Entry point of one subcommand: `args` are the words after its name. Returns the exit code
// (0 success, 1 failure, 2 bad usage). May throw core::Fatal for configuration errors; main
// prints it and exits 2.
using CommandFunction = int (*)(std::span<const std::string> args);

struct Command {
  std::string_view name;
  std::string_view summary;
  CommandFunction run;
};

// `idp_sim serve --config FILE [--host 127.0.0.1] [--port 8080] [--tls]`: runs until
// SIGINT/SIGTERM.
int serve_command(std::span<const std::string> args);

// `idp_sim certs --out DIR`: generates the TEST-ONLY certificate set and prints each role.
int certs_command(std::span<const std::string> args);

// `idp_sim mutators [--json]`: every mutator id, stage, expected SP reason and summary.
int mutators_command(std::span<const std::string> args);

}  // namespace samlt::idp
