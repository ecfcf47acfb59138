// SPDX-License-Identifier: Apache-2.0
// `idp_sim diagnose INPUT… [--sp-config FILE] [--sp-metadata FILE|URL] [--idp-metadata FILE|URL]
// [--sp-key FILE] [--at TIME] [--json]`: what a customer captured, through the reference SP's
// checks, with what to change in Entra or in the SP.
#pragma once

#include <span>
#include <string>

namespace samlt::diagnose {

// Exit: 0 no check failed, 1 some check failed, 2 bad usage or an input that can't be read.
int diagnose_command(std::span<const std::string> args);

}  // namespace samlt::diagnose
