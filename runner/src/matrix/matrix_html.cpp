// SPDX-License-Identifier: Apache-2.0
// matrix.html: self-contained (inline CSS, no script, nothing fetched), every value escaped.
#include "samlt/core/codec.hpp"
#include "samlt/runner/matrix.hpp"

namespace samlt::runner {
namespace {

using core::html_escape;

constexpr std::string_view k_style = R"css(
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.passed { background: #dafbe1; } td.failed { background: #ffebe9; }
td.error { background: #fff8c5; } td.skipped { background: #f6f8fa; color: #57606a; }
tr.disagree > th { border-left: 4px solid #cf222e; }
.sp-reason { display: block; font-size: .85em; color: #57606a; overflow-wrap: anywhere; }
.status { font-weight: 600; }
section.target { margin: .75rem 0; }
)css";

std::string cell_html(const std::optional<MatrixCell>& cell) {
  if (!cell) {
    return "<td class=\"absent\">&mdash;</td>";
  }
  std::string status(reports::status_id(cell->status));
  std::string html = "<td class=\"" + status + "\" title=\"" + html_escape(cell->message) + "\"><span class=\"status\">" +
                     status + "</span>";
  if (cell->observed != reports::Outcome::none) {
    html += " " + std::string(reports::outcome_id(cell->observed));
  }
  if (!cell->sp_reason.empty()) {
    html += "<span class=\"sp-reason\">" + html_escape(cell->sp_reason) + "</span>";
  }
  return html + "</td>";
}

void append_targets(std::string& out, const Matrix& matrix) {
  for (const auto& column : matrix.columns) {
    const auto& s = column.summary;
    out += "<section class=\"target\"><h2><a href=\"" + html_escape(column.report) + "/index.html\">" +
           html_escape(column.target) + "</a></h2><p>" + std::to_string(s.total) + " results: " +
           std::to_string(s.passed) + " passed, " + std::to_string(s.failed) + " failed, " + std::to_string(s.errors) +
           " errors, " + std::to_string(s.skipped) + " skipped.</p>";
    if (column.accepts_must_reject.empty()) {
      out += "<p>Accepts nothing it must reject.</p>";
    } else {
      out += "<p>Accepts what it must reject (" + std::to_string(column.accepts_must_reject.size()) +
             "):</p><ul class=\"accepts-must-reject\">";
      for (const auto& id : column.accepts_must_reject) {
        out += "<li><code>" + html_escape(id) + "</code></li>";
      }
      out += "</ul>";
    }
    out += "</section>\n";
  }
}

}  // namespace

std::string render_matrix_html(const Matrix& matrix) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>SAML compatibility "
      "matrix</title>\n<style>";
  out += k_style;
  out += "</style>\n</head>\n<body>\n<h1>SAML compatibility matrix</h1>\n";
  append_targets(out, matrix);
  out += "<p>Rows where the SPs disagree come first (marked red at the left), then rows where one failed.</p>\n";
  out += "<table class=\"matrix\">\n<thead><tr><th>Scenario</th>";
  for (const auto& column : matrix.columns) {
    out += "<th>" + html_escape(column.target) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : matrix.rows) {
    out += std::string("<tr class=\"") + (row.disagree ? "disagree" : "agree") + "\" data-id=\"" +
           html_escape(row.id) + "\"><th><code>" + html_escape(row.id) + "</code><br>" + html_escape(row.title) +
           "</th>";
    for (const auto& cell : row.cells) {
      out += cell_html(cell);
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace samlt::runner
