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
  // Only the three reports and the HAR folder: no temporary file is left behind.
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 4);
  CHECK(fs::is_directory(dir / "har"));
}

TEST_CASE("write_reports writes each scenario's exchanges as HAR 1.2, and only this run's", "[reports][har]") {
  test::TempDir temp;
  RunReport report = test::sample_report();
  REQUIRE_FALSE(report.results.empty());
  ScenarioResult& result = report.results.front();
  HttpExchange exchange;
  exchange.label = "step 1: POST Response to ACS";
  exchange.method = "POST";
  exchange.url = "http://127.0.0.1:8081/saml/acs?x=1";
  exchange.request_headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  exchange.request_body = "SAMLResponse=PHNh… (9000 bytes)";
  exchange.whole_request_body = "SAMLResponse=PHNhbWxwOlJlc3BvbnNl&RelayState=%2Fapp";
  exchange.status = 302;
  exchange.response_headers = {{"Location", "/app"}};
  exchange.started_at = "2026-12-07T10:00:00.000Z";
  exchange.milliseconds = 12.5;
  result.exchanges = {exchange};
  const fs::path stale = temp.path() / "har" / "from-an-earlier-run.har";
  fs::create_directories(stale.parent_path());
  std::ofstream(stale) << "{}";
  REQUIRE(write_reports(report, temp.path()));
  CHECK_FALSE(fs::exists(stale));

  auto names = har_file_names(report);
  REQUIRE(names.size() == report.results.size());
  REQUIRE_FALSE(names.front().empty());
  CHECK(names.front().rfind("har/", 0) == 0);
  const auto har = nlohmann::json::parse(test::read_text(temp.path() / names.front()));
  CHECK(har["log"]["version"] == "1.2");
  REQUIRE(har["log"]["entries"].size() == 1);
  const auto& entry = har["log"]["entries"][0];
  CHECK(entry["startedDateTime"] == "2026-12-07T10:00:00.000Z");
  CHECK(entry["time"] == 12.5);
  CHECK(entry["request"]["postData"]["text"] == exchange.whole_request_body);  // whole, not the excerpt
  CHECK(entry["request"]["queryString"][0]["name"] == "x");
  CHECK(entry["response"]["status"] == 302);
  CHECK(entry["response"]["redirectURL"] == "/app");
  const auto json = nlohmann::json::parse(test::read_text(temp.path() / "report.json"));
  CHECK(json["scenarios"][0]["har"] == names.front());
}

TEST_CASE("har_file_names: file names from scenario ids, unique", "[reports][har]") {
  RunReport report;
  for (const char* id : {"profile/time-expired [sp-initiated]", "profile/time-expired [sp-initiated]", "x"}) {
    ScenarioResult result;
    result.id = id;
    result.exchanges.emplace_back();
    report.results.push_back(result);
  }
  report.results.emplace_back();  // no exchange: no HAR
  CHECK(har_file_names(report) == std::vector<std::string>{"har/profile_time-expired_sp-initiated.har",
                                                           "har/profile_time-expired_sp-initiated-2.har",
                                                           "har/x.har", ""});
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
