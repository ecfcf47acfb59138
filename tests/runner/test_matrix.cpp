// SPDX-License-Identifier: Apache-2.0
// The compatibility matrix: rows where SPs disagree first, each SP's "accepts what it must
// reject", the SP's words in each cell, and the same matrix from report.json files on disk.
#include "samlt/runner/matrix.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/reports/report_writers.hpp"
#include "support/captured_stream.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace samlt;
using reports::Outcome;
using reports::Status;

namespace {

reports::ScenarioResult result(std::string id, Status status, Outcome expected, Outcome observed,
                               std::optional<std::string> sp_reason = {}) {
  reports::ScenarioResult r;
  r.id = std::move(id);
  r.title = "title of " + r.id;
  r.suite = "profile";
  r.status = status;
  r.expected.outcome = expected;
  r.observed.outcome = observed;
  r.observed.sp_reason = std::move(sp_reason);
  return r;
}

reports::RunReport run(std::string name, std::vector<reports::ScenarioResult> results) {
  reports::RunReport report;
  report.target.name = std::move(name);
  report.results = std::move(results);
  return report;
}

std::vector<reports::RunReport> two_sps() {
  return {run("strict", {result("a/agree", Status::passed, Outcome::reject, Outcome::reject, "conditions.expired"),
                         result("b/disagree", Status::passed, Outcome::reject, Outcome::reject,
                                "audience_restriction.audience_mismatch"),
                         result("c/skipped", Status::skipped, Outcome::reject, Outcome::none),
                         result("d/both-fail", Status::failed, Outcome::accept, Outcome::reject, "key.untrusted")}),
          run("lax", {result("a/agree", Status::passed, Outcome::reject, Outcome::reject, "Message expired"),
                      result("b/disagree", Status::failed, Outcome::reject, Outcome::accept),
                      result("d/both-fail", Status::failed, Outcome::accept, Outcome::reject, "untrusted key"),
                      result("e/only-lax", Status::passed, Outcome::accept, Outcome::accept)})};
}

}  // namespace

TEST_CASE("matrix rows: disagreement first, then failures, each by id; cells keep the SP's words", "[runner]") {
  std::vector<runner::MatrixRun> runs;
  for (const auto& report : two_sps()) {
    runs.push_back(runner::matrix_run(report, report.target.name));
  }
  auto matrix = runner::build_matrix(runs);
  std::vector<std::string> ids;
  for (const auto& row : matrix.rows) {
    ids.push_back(row.id + (row.disagree ? " !" : ""));
  }
  CHECK(ids == std::vector<std::string>{"b/disagree !", "d/both-fail", "a/agree", "c/skipped", "e/only-lax"});
  REQUIRE(matrix.columns.size() == 2);
  CHECK(matrix.columns[0].accepts_must_reject.empty());
  CHECK(matrix.columns[1].accepts_must_reject == std::vector<std::string>{"b/disagree"});
  CHECK(matrix.columns[0].summary.skipped == 1);
  const auto& agree = matrix.rows[2];
  CHECK(agree.cells[0]->sp_reason == "conditions.expired");
  CHECK(agree.cells[1]->sp_reason == "Message expired");
  CHECK_FALSE(matrix.rows[3].cells[1]);  // c/skipped is not in the lax run

  std::string html = runner::render_matrix_html(matrix);
  CHECK(html.find("b/disagree") < html.find("a/agree"));
  CHECK(html.find("<span class=\"sp-reason\">Message expired</span>") != std::string::npos);
  auto json = nlohmann::json::parse(runner::render_matrix_json(matrix));
  CHECK(json["rows"][0]["id"] == "b/disagree");
  CHECK(json["rows"][0]["disagree"] == true);
  CHECK(json["rows"][0]["cells"]["lax"]["observed"] == "accept");
  CHECK(json["targets"][1]["accepts_must_reject"] == nlohmann::json::array({"b/disagree"}));
}

TEST_CASE("idp_sim matrix reads earlier runs' report.json and refuses what is not one", "[runner]") {
  test::TempDir dir;
  for (const auto& report : two_sps()) {
    REQUIRE(reports::write_reports(report, dir / "runs" / report.target.name));
  }
  test::CapturedStream out;
  test::CapturedStream err;
  int code = runner::matrix_command({(dir / "runs/strict").string(), (dir / "runs/lax/report.json").string(), "--out",
                                     (dir / "m").string()},
                                    out.get(), err.get());
  INFO(err.text());
  REQUIRE(code == 0);
  auto json = nlohmann::json::parse(*core::read_file(dir / "m/matrix.json"));
  CHECK(json["rows"][0]["id"] == "b/disagree");
  CHECK(json["targets"][0]["report"] == "../runs/strict");
  CHECK(json["rows"][0]["cells"]["strict"]["sp_reason"] == "audience_restriction.audience_mismatch");
  CHECK(std::filesystem::exists(dir / "m/matrix.html"));

  std::filesystem::create_directories(dir / "junk");
  REQUIRE(core::write_file_atomic(dir / "junk/report.json", "{\"not\": \"a report\"}"));
  CHECK(runner::matrix_command({(dir / "junk").string()}, out.get(), err.get()) == 2);
  CHECK(err.text().find("junk/report.json: not a report.json") != std::string::npos);
  CHECK(runner::matrix_command({}, out.get(), err.get()) == 2);
}
