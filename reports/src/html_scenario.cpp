// SPDX-License-Identifier: Apache-2.0
// One scenario of index.html: a summary row to scan, and a collapsed detail to read when it failed.
#include "html_parts.hpp"
#include "markup_text.hpp"
#include "seconds_text.hpp"
#include "suites.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace samlt::reports {
namespace {

std::string optional_html(const std::optional<std::string>& value) {
  return value ? "<code>" + escape_html(*value) + "</code>" : std::string("&mdash;");
}

std::string list_html(const std::vector<std::string>& items) {
  std::string html;
  for (const std::string& item : items) {
    html += (html.empty() ? "" : "<br>") + ("<code>" + escape_html(item) + "</code>");
  }
  return html;
}

std::string badge(Status status) {
  const std::string id(status_id(status));
  return "<span class=\"badge " + id + "\">" + id + "</span>";
}

void add_fact(std::string& out, std::string_view label, const std::string& html) {
  if (html.empty()) {
    return;
  }
  out += "<dt>";
  out += label;
  out += "</dt><dd>" + html + "</dd>\n";
}

// Expected and observed side by side: the comparison a reader opens the detail for.
void append_verdict(std::string& out, const ScenarioResult& result) {
  const Expectation& expected = result.expected;
  const Observation& observed = result.observed;
  out += "<table class=\"verdict\">\n<tr><th></th><th>Expected</th><th>Observed</th></tr>\n";
  out += "<tr><th>Outcome</th><td>" + escape_html(outcome_id(expected.outcome)) + "</td><td>" +
         escape_html(outcome_id(observed.outcome)) + "</td></tr>\n";
  out += "<tr><th>Reason</th><td>" + optional_html(expected.reason) + "</td><td>" +
         optional_html(observed.reason) + "</td></tr>\n";
  out += "<tr><th>Validation step</th><td>&mdash;</td><td>" +
         optional_html(observed.validation_step) + "</td></tr>\n";
  // The SP's reason as the SP gave it: what a vendor searches for in their own logs.
  out += "<tr><th>SP's words</th><td>&mdash;</td><td class=\"sp-reason\">" +
         optional_html(observed.sp_reason) + "</td></tr>\n";
  const std::string status = observed.http_status ? std::to_string(*observed.http_status) : "none";
  out += "<tr><th>HTTP status</th><td>&mdash;</td><td>" + status + "</td></tr>\n</table>\n";
  if (!result.message.empty()) {
    out += "<p class=\"message\">" + escape_html(result.message) + "</p>\n";
  }
  out += "<dl class=\"facts\">\n";
  add_fact(out, "Title", escape_html(result.title));
  add_fact(out, "Flow", escape_html(result.flow));
  add_fact(out, "Faults", list_html(result.mutators));
  add_fact(out, "Spec", escape_html(result.spec_ref));
  add_fact(out, "File", result.file.empty() ? "" : "<code>" + escape_html(result.file) + "</code>");
  add_fact(out, "Tags", list_html(result.tags));
  add_fact(out, "Detail",
           observed.detail.empty() ? "" : "<pre>" + escape_html(observed.detail) + "</pre>");
  out += "</dl>\n";
}

void append_steps(std::string& out, const std::vector<StepResult>& steps) {
  if (steps.empty()) {
    return;
  }
  out +=
      "<h4>Steps</h4>\n<table class=\"steps\">\n<tr><th>#</th><th>Step</th><th>Status</th>"
      "<th>Expected</th><th>Observed</th><th>Message</th><th>Time (s)</th></tr>\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const StepResult& step = steps[i];
    out += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + escape_html(step.name) + "</td><td>" +
           badge(step.status) + "</td><td>" + escape_html(describe(step.expected)) + "</td><td>" +
           escape_html(describe(step.observed)) + "</td><td>" + escape_html(step.message) +
           "</td><td>" + seconds_text(step.duration_seconds) + "</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

void append_scenario_html(std::string& out, const ScenarioResult& result, std::size_t index) {
  const std::string status(status_id(result.status));
  out += "<tbody class=\"scenario\" id=\"scenario-" + std::to_string(index) + "\" data-status=\"" +
         status + "\" data-suite=\"" + escape_html(suite_name(result)) + "\">\n";
  out += "<tr><td>" + badge(result.status) + "</td><td>" + escape_html(suite_name(result)) +
         "</td><td><code>" + escape_html(result.id) + "</code><br>" + escape_html(result.title) +
         "</td><td>" + list_html(result.mutators) + "</td><td>" +
         escape_html(describe(result.expected)) + "</td><td>" +
         escape_html(describe(result.observed)) + "</td><td>" +
         seconds_text(result.duration_seconds) + "</td></tr>\n";
  out += "<tr class=\"detail\"><td colspan=\"7\"><details><summary>Details of " +
         escape_html(result.id) + "</summary>\n";
  append_verdict(out, result);
  append_steps(out, result.steps);
  append_evidence_html(out, result);
  out += "</details></td></tr>\n</tbody>\n";
}

}  // namespace samlt::reports
