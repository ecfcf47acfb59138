// SPDX-License-Identifier: Apache-2.0
// Whether a target's signals tell an acceptance from a rejection, tried before any suite runs:
// one valid sign-in and one that every SP must refuse (an assertion for another audience).
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/reports/report_model.hpp"
#include "target_session.hpp"

#include <string>

namespace samlt::runner {

struct TargetCheck {
  bool passed = false;
  // TargetCheck codes: "ok", "valid_rejected", "wrong_audience_accepted", "run_error".
  std::string code;
  std::string explanation;  // what was seen and what to do, for people
  reports::ScenarioResult valid;
  reports::ScenarioResult wrong_audience;
};

// The user a check (or a load run) signs in by default: the IdP configuration's first enabled
// member (not a guest), else its first user.
std::string member_user(const idp::Idp& idp);

// Runs both sign-ins in the target's preferred flow, as the first enabled member user of the IdP
// configuration. Never throws.
TargetCheck check_target(const TargetSession& session, const core::Clock& clock, double timeout_seconds);

}  // namespace samlt::runner
