// SPDX-License-Identifier: Apache-2.0
// `idp_sim run`: scenario files in, reports out. Exit codes: 0 every scenario met its expectation,
// 1 some did not (failed or error), 2 bad usage, a bad scenario or target file, or an
// unreachable SP.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace samlt::runner {

// `args` excludes the program and subcommand names. Never throws.
int run_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err);

// The usage text for --help.
std::string run_usage();

}  // namespace samlt::runner
