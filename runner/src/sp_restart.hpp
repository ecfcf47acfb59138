// SPDX-License-Identifier: Apache-2.0
// Restarting the SP between two steps (a replay after the restart, attack-catalogue
// REPLAY-PERSISTENCE): the target's own restart command, then a wait until the SP answers again.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/runner/target.hpp"

namespace samlt::runner {

// Runs target.restart->command in the target file's folder and waits for it to exit 0, then until
// the SP answers HTTP again (check_reachable), both within target.restart->timeout_seconds; a
// command still running then is killed. Fails with runner.sp_protocol (the command could not
// start, failed — its last output is in the detail — or outlived the timeout) or
// runner.http_failed (the SP did not come back). REQUIRES: target.restart.
core::Result<void> restart_sp(const Target& target);

}  // namespace samlt::runner
