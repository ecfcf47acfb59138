// SPDX-License-Identifier: Apache-2.0
// What one conformance run produced, as plain values: the runner fills a RunReport, and each report
// writer (report_writers.hpp) turns the same RunReport into one file format.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samlt::reports {

// Ordered name/value pairs: HTTP headers and policy settings keep their order and duplicates.
using NamedValues = std::vector<std::pair<std::string, std::string>>;

// What an SP did with a SAML Response. `none` means no verdict could be observed (the SP was
// unreachable, or the run broke before the Response was posted); it is never expected.
enum class Outcome { accept, reject, none };

// passed: every expectation was met. failed: the SP answered, but not as expected (a JUnit
// <failure>). error: the scenario could not be judged, e.g. the SP went away (a JUnit <error>).
// skipped: the scenario needs something the target does not offer (a JUnit <skipped>); the
// message names the need. Skipped results never fail a run.
enum class Status { passed, failed, error, skipped };

// What a scenario (or one of its steps) requires of the SP.
// How an expectation grades (docs/attack-catalogue.md, "Outcomes"): exactly the outcome; safe:
// a rejection, or an acceptance as exactly the attacker's own identity; ungraded: reported only,
// because the right answer depends on a policy the target does not state.
enum class Grade { exact, safe, ungraded };

struct Expectation {
  Outcome outcome = Outcome::reject;  // accept or reject (safe: reject; ungraded: none)
  // The reason id a strict SP must give, e.g. "conditions.expired". Judged only when the target
  // exposes verdicts, so it is empty for "any rejection will do".
  std::optional<std::string> reason;
  // Or the reason families a rejection may come from, "SCHEMA/SIG_PROFILE" (reason_family.hpp).
  std::optional<std::string> family;
  Grade grade = Grade::exact;
};

// What the SP was seen to do.
struct Observation {
  Outcome outcome = Outcome::none;
  std::optional<std::string> reason;  // reason id, when the SP exposes its verdict
  // The SP pipeline step that decided, e.g. "conditions.time", when the SP exposes it.
  std::optional<std::string> validation_step;
  std::optional<int> http_status;  // absent when no HTTP response was received
  std::string detail;              // free text for people (verdict detail, socket error)
  // The SP's reason in its own words: the reference SP's reason id, or the text the target's
  // reason pattern captured from another SP's error page, body or JSON.
  std::optional<std::string> sp_reason;
  // Which signal decided the outcome, a stable code (runner/src/judge.hpp lists them), e.g.
  // "reject_status", "session_probe_failed"; empty when nothing was observed.
  std::string signal;
};

// One step of a multi-step scenario, e.g. "post the same Response again".
struct StepResult {
  std::string name;  // what the step does, in words
  Expectation expected;
  Observation observed;
  Status status = Status::error;
  std::string message;  // why it did not pass, for people; empty when it passed
  double duration_seconds = 0.0;
  // Why it did not pass, as a stable code: "outcome_mismatch", "reason_mismatch",
  // "session_mismatch", "redirect_mismatch", "run_error", or "need.<id>" when skipped; empty
  // when it passed.
  std::string code;
};

// A SAML protocol message exchanged during a scenario, kept for people to read.
struct SamlMessage {
  std::string label;    // e.g. "Response (step 1)", "AuthnRequest"
  std::string raw;      // as on the wire: base64, deflated+base64, or XML text
  std::string decoded;  // the XML, pretty-printed (pretty_print_xml.hpp); empty if undecodable
};

// What reports keep of a text that may be huge (an oversized message, a whole error page): its
// first `limit` bytes, cut on a UTF-8 character boundary, then "… (N bytes)".
std::string excerpt(const std::string& text, std::size_t limit);

// A message as reports keep it: pretty-printed when it fits in `limit`, excerpts otherwise.
SamlMessage message_for_report(std::string label, const std::string& raw, const std::string& xml,
                               std::size_t limit = 256 * 1024);

// One HTTP request and its response. Bodies are excerpts: the runner truncates them.
struct HttpExchange {
  std::string label;   // e.g. "step 1: POST Response to ACS"
  std::string method;  // "GET", "POST"
  std::string url;
  NamedValues request_headers;
  std::string request_body;
  std::optional<int> status;  // absent when no response arrived
  NamedValues response_headers;
  std::string response_body;
  // For the scenario's HAR file (har.hpp): when the request was sent and how long the answer took,
  // and the whole bodies where the excerpts above were cut (empty: the excerpt is whole, or the
  // body was over the runner's 1 MiB HAR limit).
  std::string started_at;  // xs:dateTime in UTC
  double milliseconds = 0.0;
  std::string whole_request_body;
  std::string whole_response_body;
};

// The SP being judged, as the target file names it.
struct TargetInfo {
  std::string name;
  std::string entity_id;
  std::string acs_url;
  std::string login_url;  // SP-initiated login URL; empty when the target has none
  std::string description;
  // What the runner found the target offers (runner/include/samlt/runner/needs.hpp), e.g.
  // "encryption_certificate (from http://sp/metadata)"; scenarios needing anything else skip.
  std::vector<std::string> capabilities;
};

// The judged result of one scenario file.
struct ScenarioResult {
  // e.g. "profile/conditions_expired", or "profile/conditions_expired [idp-initiated]" when a run
  // covers every flow; unique within a run.
  std::string id;
  std::string scenario_id;  // the scenario file's id (with its variant), without the flow
  std::string catalogue;    // the attack-catalogue case id (docs/attack-catalogue.tsv), or empty
  std::string flow;         // "sp-initiated" or "idp-initiated"; empty when skipped before a flow
  std::string title;
  std::string file;   // scenario file path as given to the runner
  std::string suite;  // "entra", "faults", "profile", ...
  std::vector<std::string> tags;
  std::string spec_ref;               // e.g. "saml-core §2.5.1.2", or the seed it comes from
  std::vector<std::string> mutators;  // ids of the faults the IdP injected, in order applied
  // The overall verdict. For a multi-step scenario: the first step that did not pass, or the
  // last step when all passed.
  Expectation expected;
  Observation observed;
  Status status = Status::error;
  std::string code;     // the deciding step's code (StepResult::code); empty on pass
  std::string message;  // e.g. "expected reject/conditions.expired, got accept"; empty on pass
  double duration_seconds = 0.0;
  std::vector<StepResult> steps;
  std::vector<SamlMessage> messages;
  std::vector<HttpExchange> exchanges;
};

// Where a policy value in force came from: the target file, the SP's policy URL, or the
// runner's assumption for a policy the target did not state.
enum class PolicyOrigin { declared, fetched, assumed };

struct PolicySetting {
  std::string name;
  std::string value;
  PolicyOrigin origin = PolicyOrigin::declared;
};

// A whole run.
struct RunReport {
  std::string tool_version;
  std::string started_at;  // xs:dateTime in UTC, e.g. "2024-05-01T10:00:00.000Z"
  double duration_seconds = 0.0;
  TargetInfo target;
  // The SP policy and relaxations in force, printed in every report header (style §6.1 rule 6),
  // e.g. {"clock_skew_seconds", "180", declared}. REQUIRES: names are unique (report.json keys
  // on them).
  std::vector<PolicySetting> policy;
  std::vector<ScenarioResult> results;
};

// Counts by Status. total == passed + failed + errors + skipped.
struct Summary {
  std::size_t total = 0;
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
};

Summary summarize(const RunReport& report);

// The lowercase word used in every report: "accept", "reject", "none".
std::string_view outcome_id(Outcome outcome);
// "passed", "failed", "error", "skipped".
std::string_view status_id(Status status);
// "declared", "fetched", "assumed".
std::string_view policy_origin_id(PolicyOrigin origin);

// "reject/conditions.expired", "reject/SIG_PROFILE", "accept", "safe (reject/ID_AMBIGUOUS)" or
// "not graded".
std::string describe(const Expectation& expected);
// "reject/conditions.expired at conditions.time (HTTP 403)", or for an SP that gives its reason
// in words, 'reject "Assertion contains an unacceptable AudienceRestriction." (HTTP 403)'; only
// the parts that are known.
std::string describe(const Observation& observed);

}  // namespace samlt::reports
