// SPDX-License-Identifier: Apache-2.0
#include "validation/verdict_json.hpp"

#include "samlt/core/saml_time.hpp"

namespace samlt::sp {

nlohmann::json acs_answer_json(const Verdict& verdict) {
  return {
      {"outcome", verdict.accepted ? "accept" : "reject"},
      {"reason", verdict.accepted ? nlohmann::json(nullptr) : nlohmann::json(std::string(core::id(verdict.reason)))},
      {"step", verdict.step},
      {"request_id", verdict.request_id},
  };
}

nlohmann::json verdict_trace_json(const Verdict& verdict, const Policy& policy, core::TimePoint at) {
  nlohmann::json out = acs_answer_json(verdict);
  out["detail"] = verdict.detail;
  out["idp"] = verdict.idp;
  out["account"] = verdict.account;
  out["decided_at"] = core::format_datetime(at);
  out["policy"] = nlohmann::json::parse(policy_json(policy));
  nlohmann::json trace = nlohmann::json::array();
  for (const auto& entry : verdict.trace) {
    nlohmann::json item = {{"step", entry.step},
                           {"result", entry.passed ? "passed" : "failed"},
                           {"microseconds", entry.microseconds},
                           {"detail", entry.detail}};
    if (!entry.passed) {
      item["reason"] = std::string(core::id(entry.reason));
    }
    trace.push_back(std::move(item));
  }
  out["trace"] = std::move(trace);
  return out;
}

}  // namespace samlt::sp
