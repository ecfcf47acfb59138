// SPDX-License-Identifier: Apache-2.0
// Comparing what a step expected with what the SP did, and rolling steps up into a scenario.
#pragma once

#include "judge.hpp"
#include "samlt/runner/scenario.hpp"

namespace samlt::runner {

// StepResult::code values: why a step did not pass.
namespace step_code {
inline constexpr const char* outcome_mismatch = "outcome_mismatch";    // accept vs reject
inline constexpr const char* reason_mismatch = "reason_mismatch";      // right outcome, wrong reason id
inline constexpr const char* session_mismatch = "session_mismatch";    // accepted, wrong session values
inline constexpr const char* redirect_mismatch = "redirect_mismatch";  // accepted, wrong final URL
inline constexpr const char* run_error = "run_error";                  // the step could not be judged
inline constexpr const char* need_prefix = "need.";                    // skipped: "need.<need id>"
}  // namespace step_code

// Sets outcome.status, outcome.code and outcome.message. Passed needs the same outcome; the reason is compared
// only when the SP exposed one (otherwise the message notes it was not checked); session values
// and the redirect are compared on acceptance.
void judge_step(const Expectation& expected, const Judgement& judged, const Target& target,
                reports::StepResult& outcome);

// The scenario's status is its worst step's; its expected/observed/message are that step's.
void summarize_steps(reports::ScenarioResult& result);

}  // namespace samlt::runner
