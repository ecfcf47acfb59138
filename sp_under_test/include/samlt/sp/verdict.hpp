// SPDX-License-Identifier: Apache-2.0
// The outcome of one ACS decision (style §6.5): accepted or the first failing step's single
// reason, with a trace of every step that ran.
#pragma once

#include "samlt/core/reason.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace samlt::sp {

struct TraceEntry {
  std::string step;  // e.g. "conditions.time", "replay.assertion_id"
  bool passed = false;
  std::int64_t microseconds = 0;
  core::Reason reason = core::Reason::internal_error;  // meaningful only when !passed
  std::string detail;  // may quote input: escape before it reaches HTML
};

// Fail closed (style §6.1 rule 7): a default Verdict is a rejection for internal.error.
struct Verdict {
  bool accepted = false;
  core::Reason reason = core::Reason::internal_error;
  std::string step;    // the step that decided; the last step on acceptance
  std::string detail;
  std::vector<TraceEntry> trace;

  // Filled by ServiceProvider.
  std::string request_id;  // this decision's id: GET /verdicts/<request_id>
  std::string idp;         // IdP name, when the Issuer was recognised
  std::string session_id;  // on acceptance: the new session (the samlt_sp_session cookie)
  std::string account;     // on acceptance: the account's email
  std::string redirect_to; // on acceptance: the RelayState target, or /me
};

}  // namespace samlt::sp
