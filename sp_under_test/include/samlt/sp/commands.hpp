// SPDX-License-Identifier: Apache-2.0
// The sp_under_test command line: `serve` and `idp import|list|enable|disable`. main() only
// dispatches here and turns core::Fatal into exit status 2.
#pragma once

#include <string>
#include <vector>

namespace samlt::sp::cli {

// Each returns the process exit status. `args` excludes the program and command names.
// Throw core::Fatal for bad arguments or configuration ("<what>: <expected>").
int serve_command(const std::vector<std::string>& args);
int idp_command(const std::vector<std::string>& args);

// The top-level usage text.
std::string usage();

}  // namespace samlt::sp::cli
