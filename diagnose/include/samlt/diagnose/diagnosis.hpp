// SPDX-License-Identifier: Apache-2.0
// Diagnosing a capture: every Response through the reference SP's own steps (sp::diagnose_response),
// judged at the moment of capture, each failure with the element and value at fault, what was
// expected, and what to change in Entra or in the SP.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/diagnose/capture.hpp"
#include "samlt/diagnose/settings.hpp"
#include "samlt/sp/validation/diagnosis.hpp"

#include <optional>
#include <string>
#include <vector>

namespace samlt::diagnose {

struct FindingReport {
  sp::Finding finding;
  std::string element;   // the path from fixes.hpp, when the reason names one
  std::string value;     // what the message holds there ("" when absent)
  std::string expected;  // what the SP expected, placeholders filled
  std::string entra;     // what to change in Entra, or ""
  std::string sp;        // what to change in the SP, or ""
};

struct MessageDiagnosis {
  std::string file;    // the capture it came from
  std::string source;  // where in it
  MessageKind kind = MessageKind::other;
  std::string id;      // the message's ID attribute
  std::string issuer;
  core::TimePoint judged_at{};
  std::string judged_at_from;  // "--at", "the HAR entry's time", "the IssueInstant"
  std::vector<FindingReport> findings;  // Responses only: one per pipeline step
  std::vector<std::string> notes;       // what the diagnosis assumed or could not know
};

struct DiagnoseOptions {
  std::optional<core::TimePoint> at;  // --at: judge every message at this moment
};

// Every message of `captures`, in order. AuthnRequests are listed, and those the SP sent are the
// requests a Response's InResponseTo is matched against. SP settings the capture shows are
// used where none were given: the AuthnRequest's Issuer and AssertionConsumerServiceURL, and the
// URL a Response was posted to; a comparison with a setting nobody gave is not checked.
std::vector<MessageDiagnosis> diagnose_capture(const std::vector<Capture>& captures, SpSettings sp,
                                               const IdpSettings& idp, const DiagnoseOptions& options);

// True when some finding of some message failed.
bool any_failed(const std::vector<MessageDiagnosis>& diagnoses);

}  // namespace samlt::diagnose
