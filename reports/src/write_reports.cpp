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

// A HAR left from an earlier run would pass for this run's capture: the folder's .har files go
// first, and nothing else in it is touched.
core::Result<void> write_hars(const RunReport& report, const std::filesystem::path& dir) {
  std::error_code error;
  const std::filesystem::path har_dir = dir / "har";
  std::filesystem::create_directories(har_dir, error);
  if (error) {
    return core::fail(core::Reason::io_write_failed, har_dir.string() + ": " + error.message());
  }
  for (const auto& entry : std::filesystem::directory_iterator(har_dir, error)) {
    if (entry.path().extension() == ".har") {
      std::filesystem::remove(entry.path(), error);
    }
  }
  std::vector<std::string> names = har_file_names(report);
  for (std::size_t i = 0; i < report.results.size(); ++i) {
    if (names[i].empty()) {
      continue;
    }
    auto written = core::write_file_atomic(dir / names[i], render_har(report.results[i], report.tool_version));
    if (!written) {
      return written;
    }
  }
  return {};
}

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
  return write_hars(report, dir);
}

}  // namespace samlt::reports
