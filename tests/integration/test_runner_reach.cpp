// SPDX-License-Identifier: Apache-2.0
// The runner's reach against the real reference SP: every bundled scenario in every flow it is
// valid in; a target without a login URL (every scenario that needs no AuthnRequest runs
// IdP-initiated, the rest are skipped naming the need, exit 0); and token encryption to the SP's
// own key, read from its metadata, not to the project's default certificate.
#include "federation_servers.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/runner/run_command.hpp"
#include "support/captured_stream.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace samlt;

namespace {

struct Run {
  int exit_code = -1;
  nlohmann::json report;
  std::string output;
};

Run run(const test::FederationServers& servers, const std::filesystem::path& target, std::vector<std::string> extra,
        const std::string& scenarios = "scenarios") {
  auto report_dir = servers.dir() / ("report-" + std::to_string(std::hash<std::string>{}(target.string() + scenarios)));
  std::vector<std::string> args = {(std::filesystem::path(SAMLT_SOURCE_DIR) / scenarios).string(), "--target",
                                   target.string(), "--report", report_dir.string(), "--jobs", "2", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  test::CapturedStream out;
  Run result;
  result.exit_code = runner::run_command(args, out.get(), out.get());
  result.output = out.text();
  auto text = core::read_file(report_dir / "report.json");
  INFO(result.output);
  REQUIRE(text);
  result.report = nlohmann::json::parse(*text);
  return result;
}

std::filesystem::path without_login(const test::FederationServers& servers) {
  auto target = nlohmann::json::parse(*core::read_file(servers.write_reference_target()));
  target.erase("login_url");
  target["name"] = "reference-sp-no-login";
  auto file = servers.dir() / "no-login.json";
  REQUIRE(core::write_file_atomic(file, target.dump(2)));
  return file;
}

}  // namespace

TEST_CASE("every bundled scenario passes against the reference SP in every flow it is valid in",
          "[integration][runner]") {
  test::FederationServers servers;
  auto result = run(servers, servers.write_reference_target(), {"--flows", "all"});
  INFO(result.output);
  CHECK(result.exit_code == 0);
  std::size_t sp = 0;
  std::size_t idp = 0;
  for (const auto& scenario : result.report["scenarios"]) {
    INFO(scenario["id"].get<std::string>() << ": " << scenario["message"].get<std::string>());
    // A catalogue POLICY case names no policy setting: reported, never graded.
    CHECK((scenario["status"] == "passed" || scenario["code"] == "policy_ungraded"));
    sp += scenario["flow"] == "sp-initiated" ? 1 : 0;
    idp += scenario["flow"] == "idp-initiated" ? 1 : 0;
    auto id = scenario["id"].get<std::string>();
    CHECK(id == scenario["scenario_id"].get<std::string>() + " [" + scenario["flow"].get<std::string>() + "]");
  }
  CHECK(sp >= 60);
  CHECK(idp >= 60);
}

TEST_CASE("without a login URL: IdP-initiated where possible, the rest skipped with the need named, exit 0",
          "[integration][runner]") {
  test::FederationServers servers;
  auto result = run(servers, without_login(servers), {});
  INFO(result.output);
  CHECK(result.exit_code == 0);
  std::size_t skipped = 0;
  for (const auto& scenario : result.report["scenarios"]) {
    INFO(scenario["id"].get<std::string>() << ": " << scenario["message"].get<std::string>());
    if (scenario["status"] == "skipped" && scenario["code"] == "policy_ungraded") {
      ++skipped;  // a catalogue POLICY case: reported, never graded
      CHECK(scenario["flow"] == "idp-initiated");
    } else if (scenario["status"] == "skipped") {
      ++skipped;
      CHECK(scenario["code"] == "need.sp_initiated_login");
    } else {
      CHECK(scenario["status"] == "passed");
      CHECK(scenario["flow"] == "idp-initiated");
    }
  }
  CHECK(skipped >= 3);  // the replay and InResponseTo scenarios that answer an AuthnRequest
  CHECK(result.report["summary"]["skipped"] == skipped);
  CHECK(result.report["summary"]["failed"] == 0);
  CHECK(result.report["summary"]["errors"] == 0);
}

TEST_CASE("token encryption goes to the SP's own certificate from its metadata", "[integration][runner]") {
  // The SP decrypts with a key that is not the project's sp-encryption credential: an assertion
  // encrypted to sp-encryption would fail with encryption.decrypt_failed.
  test::FederationServers servers("idp-rogue");
  auto result = run(servers, servers.write_reference_target(), {}, "scenarios/entra");
  INFO(result.output);
  CHECK(result.exit_code == 0);
  std::size_t encrypted = 0;
  for (const auto& scenario : result.report["scenarios"]) {
    if (scenario["id"].get<std::string>().rfind("entra/encrypted-", 0) == 0) {
      ++encrypted;
      INFO(scenario["id"].get<std::string>() << ": " << scenario["message"].get<std::string>());
      CHECK(scenario["status"] == "passed");
      CHECK(scenario["observed"]["outcome"] == "accept");
    }
  }
  CHECK(encrypted == 3);
  bool named = false;
  for (const auto& capability : result.report["target"]["capabilities"]) {
    named = named || capability.get<std::string>().rfind("encryption_certificate (CN=Microsoft Azure", 0) == 0;
  }
  CHECK(named);  // the rogue credential's subject: the runner used the certificate the SP published
}
