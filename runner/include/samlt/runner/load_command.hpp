// SPDX-License-Identifier: Apache-2.0
// `idp_sim load`: N sign-ins per second against any SP, open loop, with latency percentiles and a
// report; `idp_sim mint`: pre-signed Responses written as a distributed load tool's payload
// (runner/src/load/).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace samlt::runner {

// Exit: 0 every sign-in had the expected outcome, 1 some did not or failed, 2 bad usage or files.
int load_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err);

// Exit: 0 every Response was signed and written, 2 bad usage or files, or a Response that could not be signed.
int mint_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err);

}  // namespace samlt::runner
