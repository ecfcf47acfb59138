// SPDX-License-Identifier: Apache-2.0
#include "report_fixture.hpp"

#include "samlt/reports/report_writers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using namespace samlt::reports;
namespace fs = std::filesystem;

TEST_CASE("report_formats lists junit.xml, report.json and index.html", "[reports]") {
  const auto formats = report_formats();
  REQUIRE(formats.size() == 3);
  CHECK(formats[0].file_name == "junit.xml");
  CHECK(formats[1].file_name == "report.json");
  CHECK(formats[2].file_name == "index.html");
}

TEST_CASE("write_reports writes every format into a new directory", "[reports]") {
  test::TempDir temp;
  const fs::path dir = temp.path() / "reports" / "latest";
  const RunReport report = test::sample_report();
  REQUIRE(write_reports(report, dir));
  for (const ReportFormat& format : report_formats()) {
    const fs::path file = dir / format.file_name;
    REQUIRE(fs::is_regular_file(file));
    auto expected = format.render(report);
    REQUIRE(expected);
    CHECK(test::read_text(file) == *expected);
  }
  // Only the three reports: no temporary file is left behind.
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);
}

TEST_CASE("write_reports replaces the reports of an earlier run", "[reports]") {
  test::TempDir temp;
  REQUIRE(write_reports(test::sample_report(), temp.path()));
  REQUIRE(write_reports(RunReport{}, temp.path()));
  const auto doc = nlohmann::json::parse(test::read_text(temp.path() / "report.json"));
  CHECK(doc.at("summary").at("total") == 0);
}

TEST_CASE("write_reports fails with io.write_failed when the directory is a file", "[reports]") {
  test::TempDir temp;
  const fs::path file = temp.path() / "not-a-directory";
  std::ofstream(file) << "x";
  auto written = write_reports(test::sample_report(), file);
  REQUIRE_FALSE(written);
  CHECK(written.error().reason == samlt::core::Reason::io_write_failed);
  CHECK(test::read_text(file) == "x");
}
