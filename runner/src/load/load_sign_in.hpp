// SPDX-License-Identifier: Apache-2.0
// One sign-in of a load run, through the real flow: the SP's login URL (SP-initiated), the IdP
// (idp_sim's own issue_response, freshly signed), the ACS. Each step is timed.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/reports/report_model.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/runner/browser.hpp"
#include "samlt/runner/plan.hpp"
#include "samlt/runner/scenario.hpp"
#include "samlt/runner/target.hpp"

#include <map>
#include <optional>
#include <string>

namespace samlt::runner::load {

// Which outcome a sample had. `error`: the sign-in could not be completed (the SP went away, the
// IdP refused its request, the run's deadline passed before it could start).
enum class SampleOutcome { accept, reject, error };

struct Sample {
  // Seconds since the run started.
  double due = 0;       // when it was due (i / rate)
  double started = 0;   // when it started: after `due` when it waited for a slot
  double finished = 0;  // latency = finished - due
  // Seconds each step took; negative: not run.
  double login_seconds = -1;
  double idp_seconds = -1;
  double acs_seconds = -1;
  SampleOutcome outcome = SampleOutcome::error;
  std::string reason;  // reject: the SP's reason id (or what signalled it); error: the runner's reason id
  std::string detail;  // error only: what went wrong, in words
  bool as_expected = false;  // judged against the scenario's expectation (step_verdict.hpp)
};

// What every sign-in of a run shares. Thread-safe to use from several threads.
struct SignInPlan {
  const Target& target;
  const idp::Idp& idp;
  std::string app_id;
  Flow flow = Flow::idp_initiated;
  const Scenario& scenario;  // one sign_in step
  const std::map<std::string, std::string>& policy;
  const core::Clock& clock;
  double timeout_seconds = 10.0;
};

// A sign-in up to the ACS: its browser (with the SP's cookies, SP-initiated) and the signed form.
struct PreparedSignIn {
  Browser browser;
  std::string acs_url;
  core::FormFields form;
  std::string name_id;  // whom the IdP issued it to
  std::string user;
};

// The steps before the ACS: the SP's login URL (SP-initiated) and the IdP. Sets
// sample.login_seconds and idp_seconds; nullopt (and the sample an error) when one fails.
std::optional<PreparedSignIn> prepare_sign_in(const SignInPlan& plan, const std::string& user, Sample& sample);

// The ACS step and its judgement: sets acs_seconds, the outcome, its reason and as_expected.
void deliver_sign_in(const SignInPlan& plan, PreparedSignIn& prepared, Sample& sample);

// Both, for `user`: fills everything of `sample` but its due/started/finished times. Never throws.
void sign_in_once(const SignInPlan& plan, const std::string& user, Sample& sample);

}  // namespace samlt::runner::load
