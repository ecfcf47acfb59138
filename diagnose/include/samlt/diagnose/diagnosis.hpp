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

// An AuthnRequest as idp_sim's Entra judges it, against the tenant of --entra-app.
struct EntraRequestReport {
  std::string from;     // "--entra-app FILE"
  std::string app;      // "name (app id)" of the app the Issuer named; "" when none
  int code = 0;         // the AADSTS code Entra would show; 0: it would go on to sign the user in
  core::Reason reason = core::Reason::internal_error;  // idp_sim's reason for that refusal
  std::string message;  // Entra's text, values filled in
  std::string meaning;  // aadsts_advice.hpp, then what to change there, placeholders filled
  std::string entra;
  std::string sp;
  std::string acs_url;   // accepted: where Entra would post the Response
  std::string audience;  // accepted: the Audience it would carry
  std::string internal_error;  // the check could not run (not expected)
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
  std::string message_xml;    // the message as decoded ("" when the codec refused it)
  std::string assertion_xml;  // Responses: the Assertion the steps examined (decrypted), or ""
  std::optional<core::TimePoint> captured_at;  // the HAR entry's time, when known
  std::string method;                          // the HTTP request that carried it, when known
  std::string url;
  bool answers_captured_request = false;  // Responses: InResponseTo names an AuthnRequest of the capture
  std::optional<std::string> request_relay_state;  // … and the RelayState that request carried
  std::vector<std::string> notes;       // what the diagnosis assumed or could not know
  std::optional<EntraRequestReport> entra;  // AuthnRequests, with --entra-app
};

struct DiagnoseOptions {
  std::optional<core::TimePoint> at;  // --at: judge every message at this moment
  EntraSettings entra;                // --entra-app: check AuthnRequests as Entra does
};

// Every message of `captures`, in order. AuthnRequests are listed, and those the SP sent are the
// requests a Response's InResponseTo is matched against. SP settings the capture shows are
// used where none were given: the AuthnRequest's Issuer and AssertionConsumerServiceURL, and the
// URL a Response was posted to; a comparison with a setting nobody gave is not checked.
std::vector<MessageDiagnosis> diagnose_capture(const std::vector<Capture>& captures, SpSettings sp,
                                               const IdpSettings& idp, const DiagnoseOptions& options);

// True when some finding of some message failed, or Entra would refuse some AuthnRequest.
bool any_failed(const std::vector<MessageDiagnosis>& diagnoses);

}  // namespace samlt::diagnose
