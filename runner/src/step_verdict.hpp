// SPDX-License-Identifier: Apache-2.0
// Comparing what a step expected with what the SP did, and rolling steps up into a scenario.
#pragma once

#include "judge.hpp"
#include "samlt/runner/scenario.hpp"

#include <map>
#include <optional>
#include <string>

namespace samlt::runner {

// StepResult::code values: why a step did not pass.
namespace step_code {
inline constexpr const char* outcome_mismatch = "outcome_mismatch";    // accept vs reject
inline constexpr const char* reason_mismatch = "reason_mismatch";      // right outcome, wrong reason id
inline constexpr const char* session_mismatch = "session_mismatch";    // accepted, wrong session values
inline constexpr const char* redirect_mismatch = "redirect_mismatch";  // accepted, wrong final URL
inline constexpr const char* safe_violated = "safe_violated";          // accepted as someone else
inline constexpr const char* safe_unverified = "safe_unverified";      // accepted, identity unknown
inline constexpr const char* canary_fetched = "canary_fetched";        // the SP fetched the canary
inline constexpr const char* oracle_distinguishable = "oracle_distinguishable";  // probe_oracle: told apart
inline constexpr const char* policy_ungraded = "policy_ungraded";      // skipped: policy not stated
inline constexpr const char* answer_timeout = "answer_timeout";        // the SP took the request, never answered
inline constexpr const char* answer_unreadable = "answer_unreadable";  // the SP's answer is not readable HTTP
inline constexpr const char* run_error = "run_error";                  // the step could not be judged
inline constexpr const char* need_prefix = "need.";                    // skipped: "need.<need id>"
}  // namespace step_code

// What the run knows besides the SP's answer: who the attacker is (the identity the IdP issued
// the Response to) and how often the SP fetched this run's canary.
struct StepFacts {
  std::string attacker_name_id;
  std::string attacker_email;
  int canary_hits = 0;
  std::string distinguishable;  // probe_oracle: what told its probes apart (oracle_step.hpp), or empty
};

// The expectation of `step` in `flow` under `policy`: expectation_for, except that a target that
// refuses unsolicited responses (allow_unsolicited false) rejects every IdP-initiated sign-in,
// whatever else the Response gets right (saml-profiles §4.1.5 leaves accepting them to the SP).
// A step that states its own expectation for that policy keeps it.
Expectation expectation_in_flow(const Step& step, Flow flow, const std::map<std::string, std::string>& policy);

// Sets outcome.status, outcome.code and outcome.message. Passed needs the same outcome (or, for a
// safe expectation, a rejection or an acceptance whose session is the attacker's own); the reason
// or family is compared only when the SP exposed a reason id (otherwise the message notes it was
// not checked); session values and the redirect are compared on acceptance; a fetched canary
// fails a no_fetch step whatever the outcome, and probes told apart fail a probe_oracle step that
// would otherwise pass. An ungraded expectation makes the step skipped,
// with what was observed in the message.
void judge_step(const Expectation& expected, const Judgement& judged, const Target& target, const StepFacts& facts,
                reports::StepResult& outcome);

// The scenario's status is its worst step's (error, then failed, then skipped); its
// expected/observed/message are that step's.
void summarize_steps(reports::ScenarioResult& result);

}  // namespace samlt::runner
