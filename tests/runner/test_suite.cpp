// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/suite.hpp"

#include "runner_fixture.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

nlohmann::json scenario(const std::string& id, const std::vector<std::string>& tags) {
  return {{"id", id}, {"title", id}, {"seed", "002"}, {"tags", tags}, {"user", "u"},
          {"expect", {{"outcome", "accept"}}}};
}

}  // namespace

TEST_CASE("load_scenarios walks folders, skips targets/, sorts by id", "[runner]") {
  test::TempDir dir;
  test::write_json(dir, "s/entra/b.json", scenario("entra/b", {"x"}));
  test::write_json(dir, "s/faults/deep/a.json", scenario("faults/a", {"y"}));
  test::write_json(dir, "s/targets/sp.json", nlohmann::json{{"name", "not a scenario"}});
  auto all = runner::load_scenarios({dir / "s"});
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "entra/b");
  CHECK(all[0].suite == "entra");
  CHECK(all[1].suite == "faults/deep");  // the folder path below the root
  CHECK(runner::filter_by_tags(all, {"y"}).size() == 1);
  CHECK(runner::filter_by_tags(all, {"entra"}).size() == 1);  // a suite name works as a tag
  CHECK(runner::filter_by_tags(all, {"deep"}).size() == 1);   // and so does each folder of it
  CHECK(runner::filter_by_tags(all, {}).size() == 2);

  test::write_json(dir, "s/faults/dup.json", scenario("entra/b", {}));
  CHECK_THROWS_WITH(runner::load_scenarios({dir / "s"}), Contains("/id: an id not already used"));
  CHECK_THROWS_WITH(runner::load_scenarios({dir / "missing"}), Contains("no such scenario file or folder"));
}

TEST_CASE("shards are disjoint and together complete", "[runner]") {
  test::TempDir dir;
  for (int i = 0; i < 10; ++i) {
    test::write_json(dir, "s/p/" + std::to_string(i) + ".json", scenario("p/" + std::to_string(i), {}));
  }
  auto all = runner::load_scenarios({dir / "s"});
  std::set<std::string> seen;
  std::size_t total = 0;
  for (int k = 1; k <= 3; ++k) {
    for (const auto& s : runner::select_shard(all, k, 3)) {
      CHECK(seen.insert(s.id).second);
      ++total;
    }
  }
  CHECK(total == all.size());
}

TEST_CASE("only and exclude select scenarios by id or by an id prefix up to a '/'", "[runner]") {
  test::TempDir dir;
  for (const char* id : {"security/xsw/xsw-1", "security/xsw/xsw-10", "security/time/skew", "entra/basic"}) {
    test::write_json(dir, std::string("s/") + id + ".json", scenario(id, {}));
  }
  auto all = runner::load_scenarios({dir / "s"});
  auto ids = [](const std::vector<runner::Scenario>& scenarios) {
    std::vector<std::string> out;
    for (const auto& s : scenarios) {
      out.push_back(s.id);
    }
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(ids(runner::select_by_id(all, {}, {})).size() == 4);
  // "xsw-1" is not a prefix of "xsw-10": a prefix ends at a '/'.
  CHECK(ids(runner::select_by_id(all, {"security/xsw/xsw-1"}, {})) == V{"security/xsw/xsw-1"});
  CHECK(ids(runner::select_by_id(all, {"security/xsw"}, {})) == V{"security/xsw/xsw-1", "security/xsw/xsw-10"});
  CHECK(ids(runner::select_by_id(all, {"security/"}, {"security/xsw/xsw-10"})) ==
        V{"security/time/skew", "security/xsw/xsw-1"});
  CHECK(ids(runner::select_by_id(all, {}, {"security"})) == V{"entra/basic"});
  CHECK_THROWS_WITH(runner::select_by_id(all, {"security/xs"}, {}), Contains("--only: no scenario has the id 'security/xs'"));
  CHECK_THROWS_WITH(runner::select_by_id(all, {}, {"nope"}), Contains("--exclude: no scenario has the id 'nope'"));
}
