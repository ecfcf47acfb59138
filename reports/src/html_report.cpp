// SPDX-License-Identifier: Apache-2.0
// index.html: the page a person opens after a run. Self-contained (a CI artifact is often opened
// from a zip, offline) and readable without JavaScript; the script only adds filters.
#include "html_assets.hpp"
#include "html_parts.hpp"
#include "markup_text.hpp"
#include "samlt/reports/report_writers.hpp"
#include "seconds_text.hpp"
#include "suites.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace samlt::reports {
namespace {

void add_fact(std::string& out, std::string_view label, std::string_view value) {
  if (value.empty()) {
    return;
  }
  out += "<dt>";
  out += label;
  out += "</dt><dd>" + escape_html(value) + "</dd>\n";
}

void append_header(std::string& out, const RunReport& report) {
  out += "<header>\n<h1>SAML conformance report: " + escape_html(report.target.name) + "</h1>\n";
  if (!report.target.description.empty()) {
    out += "<p>" + escape_html(report.target.description) + "</p>\n";
  }
  out += "<dl class=\"facts\">\n";
  add_fact(out, "Entity ID", report.target.entity_id);
  add_fact(out, "ACS URL", report.target.acs_url);
  add_fact(out, "Login URL", report.target.login_url);
  std::string capabilities;
  for (const auto& capability : report.target.capabilities) {
    capabilities += (capabilities.empty() ? "" : "; ") + capability;
  }
  add_fact(out, "Capabilities", capabilities.empty() ? std::string("none") : capabilities);
  add_fact(out, "Started", report.started_at);
  add_fact(out, "Duration", seconds_text(report.duration_seconds) + " s");
  add_fact(out, "Tool version", report.tool_version);
  out += "</dl>\n<h2>Policy</h2>\n";
  // style §6.1 rule 6: every relaxation in force is printed, so a pass is never read out of
  // context.
  if (report.policy.empty()) {
    out += "<p>No policy settings were recorded for this run.</p>\n";
  } else {
    out += "<table class=\"policy\">\n<tr><th>Setting</th><th>Value</th><th>From</th></tr>\n";
    for (const auto& setting : report.policy) {
      out += "<tr><td><code>" + escape_html(setting.name) + "</code></td><td>" +
             escape_html(setting.value) + "</td><td>" +
             escape_html(policy_origin_id(setting.origin)) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
  out += "</header>\n";
}

void append_summary(std::string& out, const Summary& summary) {
  out += "<section class=\"summary\" aria-label=\"Summary\">\n";
  out += "<span class=\"count total\">" + std::to_string(summary.total) + " total</span>\n";
  out += "<span class=\"count passed\">" + std::to_string(summary.passed) + " passed</span>\n";
  out += "<span class=\"count failed\">" + std::to_string(summary.failed) + " failed</span>\n";
  out += "<span class=\"count error\">" + std::to_string(summary.errors) + " errors</span>\n";
  out += "<span class=\"count skipped\">" + std::to_string(summary.skipped) + " skipped</span>\n";
  out += "</section>\n";
}

void add_checkbox(std::string& out, std::string_view name, std::string_view value,
                  std::size_t count) {
  out += "<label><input type=\"checkbox\" name=\"";
  out += name;
  out += "\" value=\"" + escape_html(value) + "\" checked> " + escape_html(value) + " (" +
         std::to_string(count) + ")</label>\n";
}

void append_filters(std::string& out, const RunReport& report, const Summary& summary) {
  out += "<form id=\"filters\" hidden>\n<fieldset><legend>Status</legend>\n";
  add_checkbox(out, "status", status_id(Status::passed), summary.passed);
  add_checkbox(out, "status", status_id(Status::failed), summary.failed);
  add_checkbox(out, "status", status_id(Status::error), summary.errors);
  add_checkbox(out, "status", status_id(Status::skipped), summary.skipped);
  out += "</fieldset>\n<fieldset><legend>Suite</legend>\n";
  for (const std::string& suite : suite_names(report)) {
    std::size_t count = 0;
    for (const ScenarioResult& result : report.results) {
      count += suite_name(result) == suite ? 1 : 0;
    }
    add_checkbox(out, "suite", suite, count);
  }
  out +=
      "</fieldset>\n<label>Search <input type=\"search\" id=\"search\" "
      "placeholder=\"id, title, fault, reason\"></label>\n<span id=\"shown\"></span>\n</form>\n";
}

void append_table(std::string& out, const RunReport& report) {
  out +=
      "<table class=\"scenarios\">\n<thead><tr><th>Status</th><th>Suite</th><th>Scenario</th>"
      "<th>Faults</th><th>Expected</th><th>Observed</th><th>Time (s)</th></tr></thead>\n";
  for (std::size_t i = 0; i < report.results.size(); ++i) {
    append_scenario_html(out, report.results[i], i + 1);
  }
  out += "</table>\n";
}

}  // namespace

core::Result<std::string> render_html_report(const RunReport& report) {
  const Summary summary = summarize(report);
  std::string out;
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>SAML conformance: " + escape_html(report.target.name) + "</title>\n";
  out += "<style>";
  out += k_html_style;
  out += "</style>\n</head>\n<body>\n";
  append_header(out, report);
  append_summary(out, summary);
  append_filters(out, report, summary);
  append_table(out, report);
  out += "<script>";
  out += k_html_script;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace samlt::reports
