// SPDX-License-Identifier: Apache-2.0
// The mutator table: ids well-formed and unique, every mutator has its own test file, and the
// pipeline refuses unknown ids.
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

using namespace samlt;

TEST_CASE("mutator ids are unique, dotted lower-case, and each has a test file", "[mutator]") {
  std::set<std::string_view> ids;
  std::regex shape("[a-z0-9_]+(\\.[a-z0-9_]+)+");
  std::filesystem::path here = std::filesystem::path(__FILE__).parent_path();
  for (const auto& m : samlt::idp::all_mutators()) {
    CHECK(ids.insert(m.id).second);
    CHECK(std::regex_match(std::string(m.id), shape));
    CHECK_FALSE(m.summary.empty());
    std::string file =
        "test_" + std::regex_replace(std::string(m.id), std::regex("\\."), "_") + ".cpp";
    INFO(file);
    // A section's mutators have their tests in that section's folder (mutators/<folder>/).
    bool found = std::filesystem::exists(here / file);
    for (const auto& entry : std::filesystem::directory_iterator(here)) {
      found = found || (entry.is_directory() && std::filesystem::exists(entry.path() / file));
    }
    CHECK(found);
    CHECK(samlt::idp::find_mutator(m.id) == &m);
  }
  CHECK(samlt::idp::find_mutator("no.such") == nullptr);
  CHECK(test::idp::mutate_error("no.such", {}).reason == core::Reason::control_unknown_mutator);
}
