// SPDX-License-Identifier: Apache-2.0
// Judging what an SP did with a posted Response, from the outside: status codes, redirects, error
// pages served with 200, the session cookie and a page only a session can reach — plus the
// SP's own verdict when it exposes one (the reference SP's JSON).
#pragma once

#include "samlt/runner/browser.hpp"
#include "samlt/runner/target.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace samlt::runner {

struct Judgement {
  reports::Observation observed;
  std::string final_url;                     // after following the ACS answer's redirects
  std::optional<nlohmann::json> session_page;  // the probe's JSON when accepted and probe.json
};

// Judges the ACS answer. The session is the ground truth: a verdict of "accept" without a session
// is a rejection, and a session after a "reject" verdict is an acceptance (detail says so).
// `session_cookie_before` is the session cookie's value before the POST, so that an older session
// is not mistaken for a new one. Fails with runner.http_failed when following or probing fails.
core::Result<Judgement> judge_acs_answer(const Target& target, Browser& browser, const HttpResponse& answer,
                                         const std::optional<std::string>& session_cookie_before);

}  // namespace samlt::runner
