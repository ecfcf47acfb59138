// SPDX-License-Identifier: Apache-2.0
// What an interop test reads from the runner's report.json: for every result, each step's HTTP
// exchanges with the SP (the ACS answer and what followed it), the Response the step posted, and
// the runner's own judgement, kept apart so that the SP's answer can be judged independently.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samlt::test::interop {

struct Exchange {
  std::string label;
  std::string method;
  std::string url;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> response_headers;
  std::string response_body;  // the runner keeps the first 4096 bytes (runner/src/browser.cpp)

  std::optional<std::string> header(std::string_view name) const;  // the first, case-insensitive
  // The value of the cookie `name` this answer sets (Set-Cookie), nullopt when it sets none;
  // an empty value or Max-Age=0 / an expiry in the past deletes it and reads as nullopt.
  std::optional<std::string> sets_cookie(std::string_view name) const;
  // Whether any Set-Cookie of this answer sets a cookie whose name starts with `prefix`.
  bool sets_cookie_prefixed(std::string_view prefix) const;
  // Whether any Set-Cookie of this answer deletes a cookie whose name starts with `prefix`.
  bool deletes_cookie_prefixed(std::string_view prefix) const;
};

// One POST of a SAMLResponse to the ACS and the exchanges that followed it in the same browser
// (redirects, the session probe), until the next POST or the next sign-in.
struct AcsVisit {
  std::vector<Exchange> exchanges;  // exchanges.front() is the ACS answer
  const Exchange& acs() const { return exchanges.front(); }
  const Exchange* probe() const;    // the session probe, when the runner made one
};

struct StepRun {
  std::string name;              // "sign_in (step 1)", "replay (step 2)"
  std::string action;            // "sign_in" or "replay"
  bool other_browser = false;    // a replay from a fresh browser (the scenario's default)
  std::string status;            // the runner's: passed, failed, error, skipped (policy_ungraded)
  std::string code;              // the runner's step code, e.g. answer_timeout
  std::string expected_outcome;  // the scenario's
  std::string runner_outcome;    // what the runner's judge observed
  std::string response_xml;      // the Response this step posted (decoded)
  std::optional<AcsVisit> visit;
};

struct ResultRun {
  std::string id;  // "profile/doctype [sp-initiated]" with --flows all
  std::string scenario_id;
  std::string flow;
  std::string status;
  std::string code;  // the runner's: need.<id> or policy_ungraded when skipped
  std::string message;
  std::vector<StepRun> steps;
};

struct SuiteReport {
  nlohmann::json json;
  std::vector<ResultRun> results;
};

// Reads REPORT/report.json. The runner lists a fresh browser's exchanges when its replay step
// ends and the signing-in browser's when the scenario ends (runner/src/driver.cpp), so ACS visits
// are matched to steps in that order: replays from another browser first, then the others.
SuiteReport read_suite_report(const std::filesystem::path& report_json);

}  // namespace samlt::test::interop
