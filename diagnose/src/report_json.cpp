// SPDX-License-Identifier: Apache-2.0
// The JSON form of a diagnosis.
#include "samlt/core/saml_time.hpp"
#include "samlt/diagnose/report.hpp"

#include <nlohmann/json.hpp>

namespace samlt::diagnose {
namespace {

std::string_view outcome_name(sp::FindingOutcome outcome) {
  switch (outcome) {
    case sp::FindingOutcome::passed: return "passed";
    case sp::FindingOutcome::failed: return "failed";
    case sp::FindingOutcome::not_checked: return "not_checked";
  }
  return "not_checked";
}

}  // namespace

std::string json_report(const std::vector<MessageDiagnosis>& diagnoses) {
  nlohmann::json messages = nlohmann::json::array();
  for (const MessageDiagnosis& diagnosis : diagnoses) {
    nlohmann::json findings = nlohmann::json::array();
    for (const FindingReport& report : diagnosis.findings) {
      nlohmann::json finding{{"step", report.finding.step},
                             {"outcome", outcome_name(report.finding.outcome)},
                             {"detail", report.finding.detail}};
      if (report.finding.outcome == sp::FindingOutcome::failed) {
        finding["reason"] = core::id(report.finding.reason);
        finding["element"] = report.element;
        finding["value"] = report.value;
        finding["expected"] = report.expected;
        finding["entra"] = report.entra;
        finding["sp"] = report.sp;
      }
      findings.push_back(std::move(finding));
    }
    nlohmann::json message{{"file", diagnosis.file},
                        {"source", diagnosis.source},
                        {"kind", message_kind_name(diagnosis.kind)},
                        {"id", diagnosis.id},
                        {"issuer", diagnosis.issuer},
                        {"judged_at", core::format_datetime(diagnosis.judged_at)},
                        {"judged_at_from", diagnosis.judged_at_from},
                        {"notes", diagnosis.notes},
                        {"findings", std::move(findings)}};
    if (const auto& entra = diagnosis.entra) {
      message["entra"] = {{"from", entra->from},         {"app", entra->app},
                          {"accepted", entra->code == 0 && entra->internal_error.empty()},
                          {"code", entra->code},         {"message", entra->message},
                          {"meaning", entra->meaning},   {"entra", entra->entra},
                          {"sp", entra->sp},             {"acs_url", entra->acs_url},
                          {"audience", entra->audience}, {"internal_error", entra->internal_error}};
      if (entra->code != 0) {
        message["entra"]["reason"] = core::id(entra->reason);
      }
    }
    messages.push_back(std::move(message));
  }
  nlohmann::json out{{"messages", std::move(messages)}, {"failed", any_failed(diagnoses)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace samlt::diagnose
