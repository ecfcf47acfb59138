// SPDX-License-Identifier: Apache-2.0
// The JSON shapes of a verdict: the ACS answer, the full trace (/verdicts/<id>) and the log line.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/sp/policy.hpp"
#include "samlt/sp/verdict.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace samlt::sp {

// Serialises compactly. Details may quote input that is not valid UTF-8: such bytes are replaced
// (U+FFFD) instead of throwing.
inline std::string dump_json(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"outcome": "accept"|"reject", "reason": id|null, "step": id, "request_id": id}
nlohmann::json acs_answer_json(const Verdict& verdict);

// The answer plus detail, idp, account, decided_at, policy and the trace: each entry
// {"step", "result": "passed"|"failed", "microseconds", "reason" (failed only), "detail"}.
nlohmann::json verdict_trace_json(const Verdict& verdict, const Policy& policy, core::TimePoint at);

}  // namespace samlt::sp
