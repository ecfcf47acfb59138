// SPDX-License-Identifier: Apache-2.0
// Comparing what a step expected with what the SP did, and rolling steps up into a scenario.
#pragma once

#include "judge.hpp"
#include "samlt/runner/scenario.hpp"

namespace samlt::runner {

// Sets outcome.status and outcome.message. Passed needs the same outcome; the reason is compared
// only when the SP exposed one (otherwise the message notes it was not checked); session values
// and the redirect are compared on acceptance.
void judge_step(const Expectation& expected, const Judgement& judged, const Target& target,
                reports::StepResult& outcome);

// The scenario's status is its worst step's; its expected/observed/message are that step's.
void summarize_steps(reports::ScenarioResult& result);

}  // namespace samlt::runner
