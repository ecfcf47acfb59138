// SPDX-License-Identifier: Apache-2.0
// The terminal form of a diagnosis.
#include "samlt/core/saml_time.hpp"
#include "samlt/diagnose/report.hpp"

namespace samlt::diagnose {
namespace {

struct Paint {
  Colour colour;
  std::string operator()(std::string_view code, std::string_view text) const {
    if (colour == Colour::off) {
      return std::string(text);
    }
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

std::string entra_lines(const EntraRequestReport& entra, const Paint& paint) {
  std::string out = "  Entra, as " + entra.from + (entra.app.empty() ? "" : ", app " + entra.app) + ":\n";
  if (!entra.internal_error.empty()) {
    return out + "    " + paint("33", "not checked") + ": " + entra.internal_error + "\n";
  }
  if (entra.code == 0) {
    return out + "    " + paint("32", "accepted") + ": the Response would go to " + entra.acs_url +
           " with Audience " + entra.audience + "\n";
  }
  out += "    " + paint("31;1", "FAIL") + " " + paint("1", "AADSTS" + std::to_string(entra.code)) + " (" +
         std::string(core::id(entra.reason)) + "): " + entra.message + "\n";
  if (!entra.meaning.empty()) {
    out += "       meaning: " + entra.meaning + "\n";
  }
  if (!entra.entra.empty()) {
    out += "       " + paint("36", "Entra:") + " " + entra.entra + "\n";
  }
  if (!entra.sp.empty()) {
    out += "       " + paint("36", "SP:") + " " + entra.sp + "\n";
  }
  return out + "       (idp_sim diagnose --explain AADSTS" + std::to_string(entra.code) + " lists the causes)\n";
}

}  // namespace

std::string text_report(const std::vector<MessageDiagnosis>& diagnoses, Colour colour) {
  Paint paint{colour};
  std::string out;
  for (const MessageDiagnosis& diagnosis : diagnoses) {
    out += paint("1", std::string(message_kind_name(diagnosis.kind)) +
                          (diagnosis.id.empty() ? "" : " " + diagnosis.id)) +
           " — " + diagnosis.file + ", " + diagnosis.source + "\n";
    if (!diagnosis.issuer.empty()) {
      out += "  Issuer: " + diagnosis.issuer + "\n";
    }
    if (diagnosis.kind != MessageKind::response) {
      for (const auto& note : diagnosis.notes) {
        out += "  note: " + note + "\n";
      }
      if (diagnosis.entra) {
        out += entra_lines(*diagnosis.entra, paint);
      }
      out += "\n";
      continue;
    }
    out += "  judged at " + core::format_datetime(diagnosis.judged_at) + " (" + diagnosis.judged_at_from + ")\n";
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (const FindingReport& report : diagnosis.findings) {
      const sp::Finding& finding = report.finding;
      if (finding.outcome == sp::FindingOutcome::passed) {
        ++passed;
        if (!finding.detail.empty()) {
          out += "  " + paint("32", "pass") + " " + finding.step + ": " + finding.detail + "\n";
        }
        continue;
      }
      if (finding.outcome == sp::FindingOutcome::not_checked) {
        out += "  " + paint("33", "not checked") + " " + finding.step + ": " + finding.detail + "\n";
        continue;
      }
      ++failed;
      out += "  " + paint("31;1", "FAIL") + " " + paint("1", core::id(finding.reason)) + " at " + finding.step +
             ": " + finding.detail + "\n";
      if (!report.element.empty()) {
        out += "       at " + report.element + (report.value.empty() ? " (absent)" : " = " + report.value) + "\n";
      }
      if (!report.expected.empty()) {
        out += "       expected: " + report.expected + "\n";
      }
      if (!report.entra.empty()) {
        out += "       " + paint("36", "Entra:") + " " + report.entra + "\n";
      }
      if (!report.sp.empty()) {
        out += "       " + paint("36", "SP:") + " " + report.sp + "\n";
      }
    }
    out += "  " + std::to_string(failed) + " failed, " + std::to_string(passed) + " of " +
           std::to_string(diagnosis.findings.size()) + " steps passed\n";
    for (const auto& note : diagnosis.notes) {
      out += "  note: " + note + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace samlt::diagnose
