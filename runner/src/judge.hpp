// SPDX-License-Identifier: Apache-2.0
// Judging what an SP did with a posted Response, from the outside: status codes, redirects, error
// pages served with 200, the answer's body, the session cookie and a page only a session can
// reach — plus the SP's own verdict when it exposes one (the reference SP's JSON), and its reason
// in its own words.
#pragma once

#include "samlt/runner/browser.hpp"
#include "samlt/runner/target.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace samlt::runner {

// Observation::signal codes: which signal decided the outcome.
namespace signal {
inline constexpr const char* accepted = "accepted";                  // every configured signal said yes
inline constexpr const char* reject_body = "reject_body";            // a reject body pattern matched
inline constexpr const char* reject_status = "reject_status";        // a reject status code
inline constexpr const char* status_not_accepted = "status_not_accepted";  // not an accept status
inline constexpr const char* location_mismatch = "location_mismatch";      // accept_location missed
inline constexpr const char* body_mismatch = "body_mismatch";        // accept_body missed
inline constexpr const char* no_session_cookie = "no_session_cookie";      // no new session cookie
inline constexpr const char* session_probe_failed = "session_probe_failed";  // probe refused
inline constexpr const char* session_despite_error = "session_despite_error";  // error page, but a session
inline constexpr const char* session_ended = "session_ended";  // idp_logout: the probe no longer answers
inline constexpr const char* session_kept = "session_kept";    // idp_logout: the session survived
inline constexpr const char* metadata_taken = "metadata_taken";      // refresh_metadata: a 2xx or 3xx
inline constexpr const char* metadata_refused = "metadata_refused";  // refresh_metadata: anything else
}  // namespace signal

struct Judgement {
  reports::Observation observed;
  std::string final_url;                     // after following the ACS answer's redirects
  std::optional<nlohmann::json> session_page;  // the probe's JSON when accepted and probe.json
};

// Judges the ACS answer. The session is the ground truth: a verdict of "accept" without a session
// is a rejection, and a session after a "reject" verdict is an acceptance (signal
// session_despite_error). `session_cookie_before` is the session cookie's value before the POST,
// so that an older session is not mistaken for a new one. On a rejection, observed.sp_reason is
// the SP's reason: its JSON verdict's reason id, else what reason_pattern (or a default pattern)
// finds. Fails with runner.http_failed when following or probing fails.
// Judges the SLO endpoint's answer to an IdP's LogoutRequest by the session it names: accepted
// when the session probe no longer reaches the session (signal session_ended), rejected when it
// still does (session_kept). The SP's redirect back to the IdP is not followed. On a rejection,
// observed.sp_reason is the SP's reason (its JSON's reason or error.id, else reason_pattern).
// REQUIRES: target.signals.session_probe. Fails with runner.http_failed.
core::Result<Judgement> judge_logout_answer(const Target& target, Browser& browser, const HttpResponse& answer);

// Judges the SP's answer to a metadata hand-over (target metadata_refresh): accepted on a 2xx or
// 3xx, rejected otherwise, with the SP's reason (its JSON's reason or error.id, else
// reason_pattern) on a rejection.
Judgement judge_metadata_answer(const Target& target, const HttpResponse& answer);

// How much a judgement asks of the SP: `full` follows the answer's redirects and asks the
// session probe; `answer_only` judges the ACS answer alone (status, Location, body, the session
// cookie, the JSON verdict), so that a load run's sign-in costs the SP only the sign-in itself.
enum class JudgeDepth { full, answer_only };

core::Result<Judgement> judge_acs_answer(const Target& target, Browser& browser, const HttpResponse& answer,
                                         const std::optional<std::string>& session_cookie_before,
                                         JudgeDepth depth = JudgeDepth::full);

}  // namespace samlt::runner
