// SPDX-License-Identifier: Apache-2.0
// One runner command over the reference SP and the three interop SPs builds the compatibility
// matrix; headless Chromium renders matrix.html and dumps the DOM it built, and the test reads that
// DOM: the rows where the SPs disagree come first (in the order the four report.json files give,
// computed here), and every cell shows the SP's reason as that SP's report gives it.
#include "integration/federation_servers.hpp"
#include "interop_check.hpp"
#include "interop_sp.hpp"
#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <regex>
#include <set>

using namespace samlt;
using namespace samlt::test::interop;

namespace {

struct Cell {
  std::string status;
  std::string outcome;
  std::string sp_reason;
};

struct DomRow {
  bool disagree = false;
  std::string id;
  std::vector<std::string> cells;  // each <td>'s inner HTML
};

// What each column's report.json says: result id -> cell.
std::map<std::string, Cell> read_column(const std::filesystem::path& report_json) {
  auto text = core::read_file(report_json);
  INFO(report_json.string());
  REQUIRE(text);
  std::map<std::string, Cell> cells;
  auto report = nlohmann::json::parse(*text);
  for (const auto& result : report.at("scenarios")) {
    const auto& observed = result.at("observed");
    std::string reason = observed["sp_reason"].is_string()  ? observed["sp_reason"].get<std::string>()
                         : observed["reason"].is_string()   ? observed["reason"].get<std::string>()
                                                            : "";
    cells[result.at("id").get<std::string>()] = {result.at("status").get<std::string>(),
                                                 observed.value("outcome", ""), reason};
  }
  return cells;
}

// The rows of the matrix table in the DOM Chromium dumped.
std::vector<DomRow> dom_rows(const std::string& dom) {
  std::vector<DomRow> rows;
  std::regex row_re(R"re(<tr([^>]*)>([\s\S]*?)</tr>)re");
  std::regex class_re(R"re(class="([^"]*)")re");
  std::regex id_re(R"re(data-id="([^"]*)")re");
  std::regex cell_re(R"re(<td[^>]*>([\s\S]*?)</td>)re");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), row_re); it != std::sregex_iterator(); ++it) {
    std::string attributes = (*it)[1].str();
    std::string inner = (*it)[2].str();
    std::smatch klass;
    std::smatch id;
    if (!std::regex_search(attributes, klass, class_re) || !std::regex_search(attributes, id, id_re)) {
      continue;  // the header row
    }
    DomRow row;
    row.disagree = klass[1].str() == "disagree";
    row.id = decode_html(id[1].str());
    for (auto c = std::sregex_iterator(inner.begin(), inner.end(), cell_re); c != std::sregex_iterator(); ++c) {
      row.cells.push_back((*c)[1].str());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The matrix's rule, from the reports: the SPs that ran a scenario saw different outcomes or got
// different statuses.
bool disagree(const std::vector<std::map<std::string, Cell>>& columns, const std::string& id) {
  std::set<std::string> outcomes;
  std::set<std::string> statuses;
  for (const auto& column : columns) {
    auto found = column.find(id);
    if (found != column.end() && (found->second.status == "passed" || found->second.status == "failed")) {
      outcomes.insert(found->second.outcome);
      statuses.insert(found->second.status);
    }
  }
  return outcomes.size() > 1 || statuses.size() > 1;
}

std::string chromium_dom(const std::filesystem::path& html, const test::TempDir& dir) {
  auto profile = dir / "chromium-profile";
  std::filesystem::create_directories(profile);
  // No sandbox (CI runs as root), no GPU, and nothing that reaches for the network: this machine
  // refuses it, and a rendering of a local file needs none.
  auto dumped = test::run_command({"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                   "--no-first-run", "--user-data-dir=" + profile.string(), "--dump-dom",
                                   "file://" + html.string()});
  INFO("chromium (Debian package chromium, installed by ./harness setup) exit " << dumped.exit_code << ":\n"
                                                                                << dumped.output.substr(0, 2000));
  REQUIRE(dumped.exit_code == 0);
  REQUIRE(dumped.output.find("<table class=\"matrix\">") != std::string::npos);
  return dumped.output;
}

}  // namespace

TEST_CASE("the matrix over the reference SP and the three interop SPs, rendered in headless Chromium",
          "[interop][matrix]") {
  test::TempDir dir;
  test::FederationServers reference;
  std::vector<std::filesystem::path> targets{reference.write_reference_target()};
  std::vector<std::unique_ptr<InteropSp>> sps;
  for (auto [impl, example] : {std::pair{"shibboleth-sp", "shibboleth.json"},
                               {"simplesamlphp-sp", "simplesamlphp.json"}, {"pysaml2-sp", "pysaml2.json"}}) {
    auto folder = dir / impl;
    std::filesystem::create_directories(folder);
    sps.push_back(std::make_unique<InteropSp>(impl, example, folder));
    targets.push_back(sps.back()->target());
  }
  auto report = dir / "matrix";
  std::vector<std::string> argv{SAMLT_IDP_SIM_EXE, "run", (std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios").string()};
  for (const auto& target : targets) {
    argv.insert(argv.end(), {"--target", target.string()});
  }
  argv.insert(argv.end(), {"--report", report.string(), "--quiet"});
  std::string excluded;
  for (const char* impl : {"shibboleth-sp", "simplesamlphp-sp", "pysaml2-sp"}) {
    auto alone = scenarios_taking_sp_down(impl);
    auto tying_up = scenarios_tying_up_sp(impl);
    alone.insert(alone.end(), tying_up.begin(), tying_up.end());
    for (const auto& id : alone) {
      excluded += (excluded.empty() ? "" : ",") + id;
    }
  }
  if (!excluded.empty()) {
    argv.insert(argv.end(), {"--exclude", excluded});
  }
  auto run = test::run_command(argv);
  // The run's reports stay beside the build for inspection.
  auto kept = std::filesystem::path(SAMLT_BINARY_DIR) / "interop-runs" / "matrix";
  std::error_code ec;
  std::filesystem::remove_all(kept, ec);
  std::filesystem::create_directories(kept.parent_path());
  std::filesystem::copy(report, kept, std::filesystem::copy_options::recursive, ec);
  INFO(run.output << "\nthe reports are kept in " << kept.string());
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  sps.clear();  // the SPs are no longer needed

  std::vector<std::map<std::string, Cell>> columns;
  for (const char* name : {"reference-sp", "shibboleth-sp", "simplesamlphp-sp", "pysaml2-sp"}) {
    columns.push_back(read_column(report / name / "report.json"));
  }
  auto rows = dom_rows(chromium_dom(report / "matrix.html", dir));
  REQUIRE(rows.size() == columns.front().size());

  // Disagreeing rows first, each group by id; exactly the rows the reports disagree on.
  std::vector<std::string> expected_disagree;
  for (const auto& [id, unused] : columns.front()) {
    if (disagree(columns, id)) {
      expected_disagree.push_back(id);
    }
  }
  std::vector<std::string> dom_disagree;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].disagree) {
      INFO("tr.disagree " << rows[i].id << " after an agreeing row");
      CHECK((i == 0 || rows[i - 1].disagree));
      dom_disagree.push_back(rows[i].id);
    }
  }
  CHECK(dom_disagree == expected_disagree);
  CHECK(dom_disagree.size() >= 10);

  // Every cell: its status, and the SP's reason in a .sp-reason span exactly when its report has one.
  std::size_t reasons = 0;
  for (const auto& row : rows) {
    REQUIRE(row.cells.size() == columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const Cell& cell = columns[c].at(row.id);
      INFO(row.id << ", column " << c << ": " << row.cells[c]);
      CHECK(row.cells[c].find("<span class=\"status\">" + cell.status + "</span>") != std::string::npos);
      std::smatch span;
      bool shown = std::regex_search(row.cells[c], span, std::regex(R"re(<span class="sp-reason">([\s\S]*?)</span>)re"));
      CHECK(shown == !cell.sp_reason.empty());
      if (shown) {
        CHECK(decode_html(span[1].str()) == cell.sp_reason);
        ++reasons;
      }
      // The interop SPs say why they refuse, on their error page or in their JSON, but for two
      // refusals without a page: SimpleSAMLphp ignores a Response the same browser posts again
      // with a plain 303 back (its reason, "Duplicate SAML 2 response detected", is only in its
      // log), and Shibboleth removes at first use a session past SessionNotOnOrAfter.
      static const std::set<std::pair<std::size_t, std::string>> k_silent = {
          {2, "profile/replay-sp-initiated-same-browser"},
          {2, "security/replay/replay-same/same_browser"},
          {2, "security/time/cond-onetimeuse/same_browser"},
          {1, "security/time/time-session-expired"}};
      bool silent = k_silent.count({c, row.id}) > 0;
      if (c > 0 && cell.outcome == "reject") {
        CHECK(cell.sp_reason.empty() == silent);
      }
    }
  }
  CHECK(reasons >= 30);
}
