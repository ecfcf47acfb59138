// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/reason.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <string>

using namespace samlt::core;

TEST_CASE("reason ids are unique and well-formed", "[core][reason]") {
  std::set<std::string_view> seen;
  const std::regex shape("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
  for (Reason reason : all_reasons()) {
    INFO(id(reason));
    CHECK(std::regex_match(std::string(id(reason)), shape));
    CHECK(seen.insert(id(reason)).second);
    CHECK_FALSE(summary(reason).empty());
    CHECK(parse_reason(id(reason)) == reason);
  }
  CHECK_FALSE(parse_reason("no.such_reason"));
  CHECK(id(Reason::conditions_expired) == "conditions.expired");
}

// tests/data/reason_ids.txt may only grow: scenarios and stored reports name these ids. The file
// and the table must hold the same set, so a new reason is recorded in the same change.
TEST_CASE("no reason id is ever removed or renamed", "[core][reason]") {
  std::ifstream file(SAMLT_REASON_IDS_FILE);
  REQUIRE(file);
  std::set<std::string> recorded;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty()) {
      recorded.insert(line);
    }
  }
  std::set<std::string> table;
  for (Reason reason : all_reasons()) {
    table.insert(std::string(id(reason)));
  }
  for (const auto& old : recorded) {
    INFO("recorded id missing from reasons.def: " << old);
    CHECK(table.count(old) == 1);
  }
  for (const auto& current : table) {
    INFO("reasons.def id not recorded in tests/data/reason_ids.txt: " << current);
    CHECK(recorded.count(current) == 1);
  }
}
