// SPDX-License-Identifier: Apache-2.0
// The runner is proven against deliberately wrong SPs: it must fail every reject-scenario on a lax
// SP, count an error page served with 200 as a rejection, and turn an SP that goes away into
// `error` results rather than a crash.
#include "samlt/core/fs.hpp"
#include "samlt/runner/run_command.hpp"

#include "runner_fixture.hpp"
#include "support/captured_stream.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

struct Run {
  int exit_code = -1;
  nlohmann::json report;
};

// These SPs are wrong on purpose, so the target check before the run would refuse them.
Run run(const test::TempDir& dir, const std::filesystem::path& target, const std::vector<std::string>& scenarios) {
  std::vector<std::string> args = scenarios;
  for (std::string arg : std::vector<std::string>{"--target", target.string(), "--report", (dir / "report").string(),
                                                  "--jobs", "2", "--quiet", "--no-target-check"}) {
    args.push_back(arg);
  }
  test::CapturedStream sink;
  Run result;
  result.exit_code = runner::run_command(args, sink.get(), sink.get());
  INFO(sink.text());
  auto text = core::read_file(dir / "report/report.json");
  REQUIRE(text);
  result.report = nlohmann::json::parse(*text);
  return result;
}

}  // namespace

TEST_CASE("a lax SP that accepts any response fails every reject-scenario", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto result = run(dir, test::write_fake_target(dir, sp), {test::bundled_scenarios().string()});
  CHECK(result.exit_code == 1);
  std::size_t rejects = 0;
  for (const auto& scenario : result.report["scenarios"]) {
    INFO(scenario["id"].get<std::string>() << ": " << scenario["message"].get<std::string>());
    if (scenario["status"] == "skipped") {
      // Unmet needs, or a policy the fake target does not state.
      std::string code = scenario["code"];
      CHECK((code.rfind("need.", 0) == 0 || code == "policy_ungraded"));
      continue;
    }
    bool expects_reject = false;
    bool safe = false;
    for (const auto& step : scenario["steps"]) {
      expects_reject = expects_reject || step["expected"]["outcome"] == "reject";
      safe = safe || step["expected"]["grade"] == "safe";
    }
    if (expects_reject) {
      ++rejects;
      CHECK(scenario["status"] == "failed");
      // SAFE also allows an acceptance as the attacker, which the lax SP's target (no session probe)
      // cannot show, so an acceptance there is unverified rather than a plain mismatch.
      CHECK(scenario["code"] == (safe ? "safe_unverified" : "outcome_mismatch"));
      CHECK(scenario["expected"]["outcome"] == "reject");
      CHECK(scenario["observed"]["outcome"] == "accept");
    } else {
      CHECK(scenario["status"] == "passed");
    }
  }
  CHECK(rejects >= 30);
  CHECK(result.report["summary"]["failed"].get<std::size_t>() == rejects);
}

TEST_CASE("an SP that ends the session on any LogoutRequest fails every tampered Redirect message",
          "[runner][e2e][logout]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto target = test::write_fake_target(dir, sp, {{"slo_url", sp.base_url() + "/slo"}});
  auto result = run(dir, target, {test::bundled_scenarios().string(), "--only",
                                  "security/binding/bind-redirect-sig-strip,security/binding/bind-redirect-sigalg-unknown,"
                                  "security/binding/bind-relaystate-tamper,security/binding/pos-redirect-raw-encoding"});
  CHECK(result.exit_code == 1);
  std::size_t forged = 0;
  for (const auto& scenario : result.report["scenarios"]) {
    std::string id = scenario["id"];
    INFO(id << ": " << scenario["message"].get<std::string>());
    const auto& steps = scenario["steps"];
    REQUIRE(steps.size() >= 2);
    CHECK(steps[1]["name"] == "idp_logout (step 2)");
    if (id.rfind("security/binding/pos-redirect-raw-encoding", 0) == 0) {
      CHECK(scenario["status"] == "passed");
      CHECK(steps[1]["observed"]["signal"] == "session_ended");
      continue;
    }
    ++forged;
    CHECK(scenario["status"] == "failed");
    CHECK(steps[1]["status"] == "failed");
    CHECK(steps[1]["code"] == "outcome_mismatch");
    CHECK(steps[1]["expected"]["outcome"] == "reject");
    CHECK(steps[1]["observed"]["outcome"] == "accept");
    CHECK(steps[1]["observed"]["signal"] == "session_ended");
  }
  CHECK(forged == 7);  // sig-strip; sigalg bogus, empty, sha1-downgrade; relay state changed, removed, added
}

TEST_CASE("without an SLO URL the logout scenarios are skipped with the need named", "[runner][e2e][logout]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto result = run(dir, test::write_fake_target(dir, sp),
                    {test::bundled_scenarios().string(), "--only", "security/binding/bind-redirect-sig-strip"});
  REQUIRE(result.report["scenarios"].size() == 1);
  CHECK(result.report["scenarios"][0]["status"] == "skipped");
  CHECK(result.report["scenarios"][0]["code"] == "need.single_logout");
}

TEST_CASE("an SP that takes any IdP metadata fails the metadata scenarios, and gets the IdP's own back after each",
          "[runner][e2e][metadata]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  nlohmann::json refresh = {{"metadata_refresh", {{"url", sp.base_url() + "/admin/import"}, {"fields", {{"name", "entra"}}}}}};
  auto scenarios = test::bundled_scenarios() / "security/metadata";
  auto result = run(dir, test::write_fake_target(dir, sp, refresh),
                    {(scenarios / "md-unsigned.json").string(), (scenarios / "md-entityid-mismatch.json").string(),
                     (scenarios / "md-dtd.json").string()});
  CHECK(result.exit_code == 1);
  std::size_t failed = 0;
  for (const auto& scenario : result.report["scenarios"]) {
    INFO(scenario["id"].get<std::string>() << ": " << scenario["message"].get<std::string>());
    CHECK(scenario["status"] == "failed");
    CHECK(scenario["steps"][0]["name"] == "refresh_metadata (step 1)");
    CHECK(scenario["steps"][0]["code"] == "outcome_mismatch");
    CHECK(scenario["steps"][0]["observed"]["outcome"] == "accept");
    failed += scenario["status"] == "failed" ? 1 : 0;
  }
  CHECK(failed == 4);  // md-unsigned, md-entityid-mismatch, md-dtd/xxe, md-dtd/benign (IdP-initiated)
  // Each run: its faulty document, then the IdP's own signed one handed back.
  auto imports = sp.metadata_imports();
  REQUIRE(imports.size() == 8);
  for (std::size_t i = 0; i < imports.size(); i += 2) {
    CHECK(imports[i] != imports[i + 1]);
    CHECK_THAT(imports[i + 1], Contains("<Signature") && Contains("entityID=\"https://sts.windows.net/"));
    CHECK_THAT(imports[i + 1], !Contains("<!DOCTYPE"));
  }
}

TEST_CASE("a replay after the target's restart command: run, waited for, and its failures reported",
          "[runner][e2e][restart]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto scenario = (test::bundled_scenarios() / "security/replay/replay-persistence.json").string();
  auto restarts = dir / "restarts.txt";
  auto with_restart = [&](nlohmann::json command, double timeout) {
    return test::write_fake_target(dir, sp, {{"restart", {{"command", command}, {"timeout_seconds", timeout}}}});
  };
  SECTION("the command runs before each replay; the lax SP takes the replay") {
    auto result = run(dir, with_restart({"/bin/sh", "-c", "echo restarted >>\"$0\"", restarts.string()}, 10), {scenario});
    REQUIRE(result.report["scenarios"].size() == 2);
    for (const auto& run : result.report["scenarios"]) {
      INFO(run["id"].get<std::string>() << ": " << run["message"].get<std::string>());
      CHECK(run["status"] == "failed");
      CHECK(run["steps"][1]["code"] == "outcome_mismatch");
      CHECK(run["steps"][1]["observed"]["outcome"] == "accept");
    }
    CHECK(core::read_file(restarts).value_or("") == "restarted\nrestarted\n");
  }
  SECTION("a failing command is the run's error, with its exit status and output") {
    auto result = run(dir, with_restart({"/bin/sh", "-c", "echo cannot reach the cluster >&2; exit 3"}, 10), {scenario});
    for (const auto& run : result.report["scenarios"]) {
      CHECK(run["status"] == "error");
      CHECK(run["steps"][1]["code"] == "run_error");
      CHECK_THAT(run["steps"][1]["message"].get<std::string>(),
                 Contains("runner.sp_protocol: restart: '/bin/sh -c") && Contains("exited 3: cannot reach the cluster"));
    }
  }
  SECTION("a command that outlives its timeout is killed") {
    auto result = run(dir, with_restart({"/bin/sh", "-c", "sleep 30"}, 1), {scenario});
    for (const auto& run : result.report["scenarios"]) {
      CHECK(run["status"] == "error");
      CHECK_THAT(run["steps"][1]["message"].get<std::string>(), Contains("still ran after 1 s, and was killed"));
    }
  }
  SECTION("without a restart command the scenario is skipped with the need named") {
    auto result = run(dir, test::write_fake_target(dir, sp), {scenario});
    for (const auto& run : result.report["scenarios"]) {
      CHECK(run["status"] == "skipped");
      CHECK(run["code"] == "need.sp_restart");
    }
  }
}

TEST_CASE("an error page served with HTTP 200 counts as a rejection", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::error_page_200);
  auto result = run(dir, test::write_fake_target(dir, sp), {(test::bundled_scenarios() / "faults").string()});
  for (const auto& scenario : result.report["scenarios"]) {
    INFO(scenario["id"].get<std::string>());
    if (scenario["status"] == "skipped") {
      continue;
    }
    CHECK(scenario["observed"]["outcome"] == "reject");
    CHECK(scenario["observed"]["http_status"] == 200);
    CHECK(scenario["observed"]["signal"] == "reject_body");
  }
}

TEST_CASE("an SP that goes away mid-run gives error results, not a crash", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::vanishing, 3);
  auto result = run(dir, test::write_fake_target(dir, sp), {(test::bundled_scenarios() / "entra").string()});
  CHECK(result.exit_code == 1);
  std::size_t errors = result.report["summary"]["errors"].get<std::size_t>();
  CHECK(errors >= 1);
  const auto& summary = result.report["summary"];
  CHECK(errors + summary["passed"].get<std::size_t>() + summary["failed"].get<std::size_t>() +
            summary["skipped"].get<std::size_t>() ==
        summary["total"].get<std::size_t>());
  for (const auto& scenario : result.report["scenarios"]) {
    if (scenario["status"] == "error") {
      CHECK(scenario["code"] == "run_error");
      CHECK_THAT(scenario["message"].get<std::string>(), Contains("runner.http_failed"));
    }
  }
}

TEST_CASE("an https SP is reached with its CA, refused without it, and reached with verify off", "[runner][tls]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax, 0, true);
  std::string faults = (test::bundled_scenarios() / "faults").string();
  nlohmann::json trusted = {{"tls", {{"ca_file", test::test_cert_set().certificate_path("tls-loopback").string()}}}};
  auto with_ca = run(dir, test::write_fake_target(dir, sp, trusted), {faults});
  CHECK(with_ca.exit_code == 1);  // reached: the lax SP fails the fault scenarios
  const auto& summary = with_ca.report["summary"];
  CHECK(summary["failed"].get<std::size_t>() >= 10);
  CHECK(summary["errors"] == 0);

  std::vector<std::string> args = {faults, "--target", test::write_fake_target(dir, sp).string(), "--quiet"};
  test::CapturedStream sink;
  CHECK(runner::run_command(args, sink.get(), sink.get()) == 2);  // the self-signed certificate is not trusted

  auto insecure = run(dir, test::write_fake_target(dir, sp, {{"tls", {{"verify", false}}}}), {faults});
  CHECK(insecure.exit_code == 1);
  bool noted = false;
  for (const auto& [name, value] : insecure.report["policy"].items()) {
    noted = noted || name == "runner.tls_verify";
  }
  CHECK(noted);
}
