// SPDX-License-Identifier: Apache-2.0
// `idp_sim mint` as the payload of a real distributed load tool: Artillery (installed by
// ./harness test into var/artillery) runs each worker's script against the reference SP, and every
// pre-signed Response is accepted exactly once, across two workers running at once; one of them,
// posted again, is a replay.
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/runner/browser.hpp"
#include "samlt/runner/load_command.hpp"
#include "support/captured_stream.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <thread>

using namespace samlt;

namespace {

const std::filesystem::path k_artillery = std::filesystem::path(SAMLT_SOURCE_DIR) / "var/artillery/node_modules/.bin/artillery";

struct ArtilleryRun {
  test::CommandResult command;
  std::map<std::string, long> counters;  // http.codes.200, .403, errors.… of the aggregate
};

// One worker: `artillery run` of its script. Callable from several threads at once (no assertions).
ArtilleryRun run_artillery(const std::filesystem::path& script, const std::filesystem::path& report) {
  ArtilleryRun run;
  run.command = test::run_command(
      {"env", "ARTILLERY_DISABLE_TELEMETRY=true", k_artillery.string(), "run", "--output", report.string(), script.string()});
  auto text = core::read_file(report);
  if (run.command.exit_code != 0 || !text) {
    return run;
  }
  const nlohmann::json aggregate = nlohmann::json::parse(*text)["aggregate"];  // kept: items() views it
  for (const auto& [name, value] : aggregate["counters"].items()) {
    if (name.rfind("http.codes.", 0) == 0 || name.rfind("errors.", 0) == 0) {
      run.counters[name] = value.get<long>();
    }
  }
  return run;
}

}  // namespace

TEST_CASE("mint: Artillery posts every pre-signed Response once, split over its workers", "[integration][load]") {
  INFO("Artillery is installed by ./harness test (or ./harness setup) into " << k_artillery.parent_path().string());
  REQUIRE(std::filesystem::exists(k_artillery));
  test::FederationServers servers;
  auto out_dir = servers.dir() / "mint";
  test::CapturedStream out;
  int code = runner::mint_command({"--target", servers.write_reference_target().string(), "--count", "40", "--out",
                                   out_dir.string(), "--workers", "2", "--rate", "40"},
                                  out.get(), out.get());
  INFO(out.text());
  REQUIRE(code == 0);
  auto first = core::read_file(out_dir / "payload-1.csv");
  auto second = core::read_file(out_dir / "payload-2.csv");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(std::count(first->begin(), first->end(), '\n') == 21);  // a header and 20 Responses each
  CHECK(std::count(second->begin(), second->end(), '\n') == 21);
  auto script = core::read_file(out_dir / "artillery-1.yml");
  REQUIRE(script);
  CHECK(script->find("order: sequence") != std::string::npos);
  CHECK(script->find("arrivalCount: 20") != std::string::npos);

  // Both workers at once, as on two machines.
  ArtilleryRun workers[2];
  std::thread other([&] { workers[1] = run_artillery(out_dir / "artillery-2.yml", out_dir / "report-2.json"); });
  workers[0] = run_artillery(out_dir / "artillery-1.yml", out_dir / "report-1.json");
  other.join();
  for (const auto& worker : workers) {
    INFO(worker.command.output);
    CHECK(worker.command.exit_code == 0);
    CHECK(worker.counters == std::map<std::string, long>{{"http.codes.200", 20}});
  }
  // Every Response was consumed: worker 1's first one, posted again, is a replay.
  auto rows = core::read_file(out_dir / "payload-1.csv");
  REQUIRE(rows);
  auto first_row = rows->substr(rows->find('\n') + 1);
  first_row = first_row.substr(0, first_row.find('\n'));
  runner::Browser attacker(5.0);
  auto again = attacker.post_form(servers.sp_base() + "/saml/acs", {{"SAMLResponse", first_row}},
                                  {{"Accept", "application/json"}});
  REQUIRE(again);
  CHECK(again->status == 403);
  CHECK(nlohmann::json::parse(again->body)["reason"] == "replay.assertion_reused");
}

TEST_CASE("mint: bad usage exits 2 naming the option", "[integration][load]") {
  test::CapturedStream err;
  CHECK(runner::mint_command({"--count", "3", "--out", "x"}, err.get(), err.get()) == 2);
  CHECK(err.text().find("--target: required") != std::string::npos);
  test::CapturedStream err2;
  CHECK(runner::mint_command({"--target", "t.json", "--count", "2", "--out", "x", "--workers", "3"}, err2.get(),
                             err2.get()) == 2);
  CHECK(err2.text().find("--workers: at most --count (2)") != std::string::npos);
}
