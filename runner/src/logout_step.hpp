// SPDX-License-Identifier: Apache-2.0
// The idp_logout step (scenario.hpp): the IdP's signed LogoutRequest for the session a sign_in
// created, edited by the step's Redirect-message mutators, sent by HTTP-Redirect from the browser
// that signed in, and judged by whether that session survived.
#pragma once

#include "judge.hpp"
#include "samlt/runner/driver.hpp"
#include "samlt/runner/scenario.hpp"

#include <string>

namespace samlt::runner {

// What the IdP issued in the sign-in the LogoutRequest ends.
struct IssuedSession {
  std::string name_id;
  std::string name_id_format;
  std::string session_index;
};

// REQUIRES: context.target has an slo_url and a session probe (need single_logout, plan.cpp).
// Fails with the IdP's signing or mutator errors and runner.http_failed.
core::Result<Judgement> run_idp_logout(const Step& step, const IssuedSession& session, const DriverContext& context,
                                       Browser& browser, reports::ScenarioResult& result, std::size_t step_number);

}  // namespace samlt::runner
