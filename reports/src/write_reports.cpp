// SPDX-License-Identifier: Apache-2.0
// The table of report formats and the one function that writes them all.
#include "samlt/reports/report_writers.hpp"

#include "samlt/core/fs.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace samlt::reports {
namespace {

constexpr std::array<ReportFormat, 3> k_report_formats = {{
    {"junit.xml", render_junit_xml},
    {"report.json", render_json_report},
    {"index.html", render_html_report},
}};

}  // namespace

std::span<const ReportFormat> report_formats() {
  return k_report_formats;
}

core::Result<void> write_reports(const RunReport& report, const std::filesystem::path& dir) {
  // Render everything first: a renderer failing must not leave a directory where junit.xml is
  // from this run and index.html from the last one.
  std::vector<std::string> rendered;
  rendered.reserve(k_report_formats.size());
  for (const ReportFormat& format : k_report_formats) {
    auto text = format.render(report);
    if (!text) {
      return core::fail(text.error());
    }
    rendered.push_back(std::move(*text));
  }

  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir, error)) {
    return core::fail(core::Reason::io_write_failed,
                      dir.string() + ": cannot create report directory" +
                          (error ? ": " + error.message() : std::string()));
  }
  for (std::size_t i = 0; i < k_report_formats.size(); ++i) {
    auto written = core::write_file_atomic(dir / k_report_formats[i].file_name, rendered[i]);
    if (!written) {
      return written;
    }
  }
  return {};
}

}  // namespace samlt::reports
