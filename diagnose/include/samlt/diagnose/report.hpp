// SPDX-License-Identifier: Apache-2.0
// A diagnosis as people read it (text, colour on a terminal) and as tools read it (JSON).
#pragma once

#include "samlt/diagnose/diagnosis.hpp"

#include <string>
#include <vector>

namespace samlt::diagnose {

enum class Colour { off, on };

// Per message: its source and kind, when it was judged and why then, each failure with the
// element and value at fault, what was expected and the fixes, what was not checked and why,
// and the count of steps that passed.
std::string text_report(const std::vector<MessageDiagnosis>& diagnoses, Colour colour);

// {"messages": [{file, source, kind, id, issuer, judged_at, judged_at_from, notes,
//   findings: [{step, outcome, reason, detail, element, value, expected, entra, sp}],
//   entra (AuthnRequests with --entra-app): {from, app, accepted, code, reason, message, meaning,
//   entra, sp, acs_url, audience, internal_error}}],
//  "failed": bool}. Reason ids are the stable ids of reasons.def.
std::string json_report(const std::vector<MessageDiagnosis>& diagnoses);

// One self-contained page (inline CSS, nothing fetched): a HAR's timeline, each message's findings
// and fixes, and the decoded message pretty-printed, the elements and attributes at fault marked
// (<mark title="reason id">); an encrypted Assertion is shown decrypted as well.
std::string html_report(const std::vector<MessageDiagnosis>& diagnoses);

}  // namespace samlt::diagnose
