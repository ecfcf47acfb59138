// SPDX-License-Identifier: Apache-2.0
#include "samlt/reports/report_model.hpp"

#include "samlt/reports/pretty_print_xml.hpp"

namespace samlt::reports {

Summary summarize(const RunReport& report) {
  Summary summary;
  summary.total = report.results.size();
  for (const ScenarioResult& result : report.results) {
    switch (result.status) {
      case Status::passed:
        ++summary.passed;
        break;
      case Status::failed:
        ++summary.failed;
        break;
      case Status::error:
        ++summary.errors;
        break;
      case Status::skipped:
        ++summary.skipped;
        break;
    }
  }
  return summary;
}

std::string_view outcome_id(Outcome outcome) {
  switch (outcome) {
    case Outcome::accept:
      return "accept";
    case Outcome::reject:
      return "reject";
    case Outcome::none:
      return "none";
  }
  return "none";
}

std::string_view status_id(Status status) {
  switch (status) {
    case Status::passed:
      return "passed";
    case Status::failed:
      return "failed";
    case Status::error:
      return "error";
    case Status::skipped:
      return "skipped";
  }
  // An out-of-range value must never read as a pass (fail closed).
  return "error";
}

std::string_view policy_origin_id(PolicyOrigin origin) {
  switch (origin) {
    case PolicyOrigin::declared:
      return "declared";
    case PolicyOrigin::fetched:
      return "fetched";
    case PolicyOrigin::assumed:
      return "assumed";
  }
  return "assumed";
}

std::string describe(const Expectation& expected) {
  if (expected.grade == Grade::ungraded) {
    return "not graded";
  }
  std::string text(outcome_id(expected.outcome));
  if (expected.reason) {
    text += "/" + *expected.reason;
  } else if (expected.family) {
    text += "/" + *expected.family;
  }
  return expected.grade == Grade::safe ? "safe (" + text + ", or accept as the attacker)" : text;
}

std::string describe(const Observation& observed) {
  std::string text(outcome_id(observed.outcome));
  if (observed.reason) {
    text += "/" + *observed.reason;
  }
  if (observed.validation_step) {
    text += " at " + *observed.validation_step;
  }
  if (observed.sp_reason && observed.sp_reason != observed.reason) {
    text += " \"" + *observed.sp_reason + "\"";
  }
  if (observed.http_status) {
    text += " (HTTP " + std::to_string(*observed.http_status) + ")";
  }
  return text;
}

std::string excerpt(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) {
    return text;
  }
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // never split a UTF-8 sequence: JSON and HTML writers need whole characters
  }
  return text.substr(0, cut) + "\n… (" + std::to_string(text.size()) + " bytes)";
}

SamlMessage message_for_report(std::string label, const std::string& raw, const std::string& xml,
                               std::size_t limit) {
  return {std::move(label), excerpt(raw, limit), xml.size() <= limit ? pretty_print_xml(xml) : excerpt(xml, limit)};
}

}  // namespace samlt::reports
