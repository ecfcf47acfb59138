// SPDX-License-Identifier: Apache-2.0
// The report formats of a run: JUnit XML for CI servers, JSON for tools, one HTML page for people.
// Each renderer is a pure function of the RunReport; write_reports puts all of them in a directory.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/reports/report_model.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::reports {

// junit.xml: <testsuites> holding one <testsuite> per suite (in order of first appearance), each
// with <properties> naming the target, the run and every policy setting. One <testcase
// classname="<suite>" name="<scenario id>"> per scenario; a failed scenario carries <failure>, an
// error <error>, both with the expected-vs-observed text; <system-out> holds the decoded SAML
// messages. Built with libxml2's tree API, so every value is escaped; characters XML 1.0 forbids
// and invalid UTF-8 become U+FFFD. Fails with internal.error only if libxml2 cannot serialise.
core::Result<std::string> render_junit_xml(const RunReport& report);

// report.json: {tool_version, started_at, duration_seconds, summary {total, passed, failed,
// errors}, target, policy {name: value}, scenarios [...]}. Each scenario entry holds id, title,
// file, suite, tags, spec_ref, faults (the mutator ids), expected, observed, status, message,
// duration_seconds, steps, messages, exchanges and har (its HAR file, har_file_names). Keys keep this order; absent optionals are
// null. Invalid UTF-8 becomes U+FFFD. Fails with internal.error only if nlohmann_json throws.
core::Result<std::string> render_json_report(const RunReport& report);

// index.html: one self-contained page (inline CSS and script, nothing fetched) with the target and
// its policy, the summary counts, filters by status and suite plus a text search, and a table of
// scenarios, each with a collapsible <details> showing expected vs observed, the steps, the decoded
// SAML messages and the HTTP exchanges. Every value is HTML-escaped, and the page reads fully
// without JavaScript (the filters then stay hidden). Never fails; Result keeps the table uniform.
core::Result<std::string> render_html_report(const RunReport& report);

// A scenario's HTTP exchanges as a HAR 1.2 log, with whole bodies and each request's time, so
// browsers' developer tools can open it and `idp_sim diagnose` can read it.
std::string render_har(const ScenarioResult& result, std::string_view tool_version);

// Where write_reports puts each result's HAR, relative to the report directory: one name per
// result, in order, "har/<scenario id made a file name>.har", unique; "" for a result with no
// exchange.
std::vector<std::string> har_file_names(const RunReport& report);

// One report file: its name in the report directory and the function that renders it.
struct ReportFormat {
  std::string_view file_name;  // "junit.xml", "report.json", "index.html"
  core::Result<std::string> (*render)(const RunReport&);
};

// Every format write_reports produces, in the order written.
std::span<const ReportFormat> report_formats();

// Renders every format, then writes each file into `dir` (created if missing), and each result's
// HAR into dir/har/ (whose old .har files go first), with
// core::write_file_atomic, so a CI server or browser never reads a half-written report. Nothing is
// written unless every format rendered. Files from an earlier run are replaced one by one, so
// after a failed write the directory may mix old and new files.
// Fails with io.write_failed (detail: the path) or, from a renderer, internal.error.
core::Result<void> write_reports(const RunReport& report, const std::filesystem::path& dir);

}  // namespace samlt::reports
