// SPDX-License-Identifier: Apache-2.0
// Entra's AADSTS errors (entra-spec §3.7, §3.8): each idp_sim refusal reason maps to the code,
// message and SAML status Entra uses. A failure travels as core::Error{reason, message}; this
// module makes it an AadstsError and renders it the two ways Entra shows errors.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/reason.hpp"
#include "samlt/core/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::idp {

struct AadstsError {
  int code = 0;                                        // 50011
  core::Reason reason = core::Reason::internal_error;  // authn_request.acs_mismatch
  std::string message;  // Entra's text with the values filled in (no "AADSTSnnnnn: ")
};

// The values Entra's messages quote.
struct AadstsValues {
  std::string value;  // the offending value: Issuer, reply URL, ID, UPN, property …
  std::string other;  // a second value where the message needs one (75011)
  std::string app_id;
  std::string app_name;
  std::string tenant;
  std::string diagnostic;  // idp_sim's own detail (parser message …), appended in brackets
};

// The AADSTS code of `reason`, or 0 when the reason is not an Entra-visible refusal.
int aadsts_code(core::Reason reason);

// Every reason shown as `code`, in the table's order (empty when idp_sim knows no such code), and
// every code idp_sim knows, ascending.
std::vector<core::Reason> aadsts_reasons(int code);
std::vector<int> aadsts_codes();

// A failure carrying `reason` and Entra's message for it. REQUIRES: aadsts_code(reason) != 0.
tl::unexpected<core::Error> aadsts_fail(core::Reason reason, const AadstsValues& values);

// The AadstsError `error` stands for, or nullopt when it is an internal failure.
std::optional<AadstsError> as_aadsts(const core::Error& error);

// SAML status codes for an error Response posted to the ACS (entra-spec §3.7 [INFER] mapping).
std::string_view saml_top_status(core::Reason reason);
std::string_view saml_second_status(core::Reason reason);

// The StatusMessage/page text: "AADSTS50011: <message>\r\nTrace ID: …\r\nCorrelation ID: …\r\n
// Timestamp: yyyy-MM-dd HH:mm:ssZ".
struct TraceIds {
  std::string request_id;  // "Request Id" on the page, "Trace ID" in messages
  std::string correlation_id;
  core::TimePoint at;
};
TraceIds new_trace_ids(core::TimePoint at);
std::string entra_timestamp(core::TimePoint at);  // "2023-06-21 21:43:30Z"
std::string aadsts_text(const AadstsError& error, const TraceIds& ids);

// Entra's error page (title "Sign in to your account"), everything HTML-escaped.
std::string error_page_html(const AadstsError& error, const TraceIds& ids);

}  // namespace samlt::idp
