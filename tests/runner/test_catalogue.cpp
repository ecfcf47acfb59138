// SPDX-License-Identifier: Apache-2.0
// The attack catalogue as data (docs/attack-catalogue.tsv) and the bundled scenarios agree: every
// case has a scenario under scenarios/security/<section folder>/ unless it is still listed in
// docs/attack-catalogue-pending.txt, no scenario names a case that is not in the list, and every
// family the list names is one the judge knows.
#include "samlt/core/fs.hpp"
#include "samlt/core/reason_family.hpp"
#include "samlt/runner/suite.hpp"

#include "runner_fixture.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

using namespace samlt;

namespace {

struct Case {
  int section = 0;
  std::string outcome;
  std::string family;
};

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, separator);) {
    fields.push_back(field);
  }
  return fields;
}

std::map<std::string, Case> read_catalogue() {
  auto text = core::read_file(std::filesystem::path(SAMLT_SOURCE_DIR) / "docs/attack-catalogue.tsv");
  REQUIRE(text);
  std::map<std::string, Case> cases;
  std::stringstream in(*text);
  std::string line;
  std::getline(in, line);
  REQUIRE(line == "id\tsection\ttitle\tcapability\toutcome\tfamily\tsources");
  while (std::getline(in, line)) {
    auto fields = split(line, '\t');
    INFO(line);
    REQUIRE(fields.size() == 7);
    REQUIRE(cases.emplace(fields[0], Case{std::stoi(fields[1]), fields[4], fields[5]}).second);
  }
  return cases;
}

std::set<std::string> read_pending() {
  auto text = core::read_file(std::filesystem::path(SAMLT_SOURCE_DIR) / "docs/attack-catalogue-pending.txt");
  REQUIRE(text);
  std::set<std::string> pending;
  std::stringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') {
      REQUIRE(pending.insert(line).second);
    }
  }
  return pending;
}

// docs/attack-catalogue.md, "Sections": the folder of each section under scenarios/security/.
const std::map<int, std::string> k_folders = {
    {1, "xsw"},       {2, "signature"},  {3, "keys"},   {4, "c14n"},       {5, "xml"},
    {6, "time"},      {7, "audience"},   {8, "subject"}, {9, "replay"},    {10, "structure"},
    {11, "encryption"}, {12, "algorithms"}, {13, "binding"}, {14, "metadata"}};

}  // namespace

TEST_CASE("the catalogue lists 175 cases in 14 sections, with families the judge knows", "[runner][catalogue]") {
  auto cases = read_catalogue();
  CHECK(cases.size() == 175);
  for (const auto& [id, c] : cases) {
    INFO(id);
    CHECK(k_folders.contains(c.section));
    if (c.family != "-") {
      CHECK(core::unknown_family(c.family).empty());
    }
  }
}

TEST_CASE("every catalogue case has a scenario under scenarios/security, or is listed as pending", "[runner][catalogue]") {
  auto cases = read_catalogue();
  auto pending = read_pending();
  std::map<std::string, std::vector<std::string>> scenarios_of;
  for (const auto& scenario : runner::load_scenarios({test::bundled_scenarios()})) {
    if (scenario.catalogue.empty()) {
      CHECK(scenario.suite.rfind("security", 0) != 0);  // a security scenario names its case
      continue;
    }
    INFO(scenario.id << " names " << scenario.catalogue);
    auto found = cases.find(scenario.catalogue);
    REQUIRE(found != cases.end());
    CHECK(scenario.suite == "security/" + k_folders.at(found->second.section));
    scenarios_of[scenario.catalogue].push_back(scenario.id);
  }
  for (const auto& [id, c] : cases) {
    INFO(id);
    CHECK(scenarios_of.contains(id) != pending.contains(id));
  }
  for (const auto& id : pending) {
    INFO(id);
    CHECK(cases.contains(id));
  }
}
