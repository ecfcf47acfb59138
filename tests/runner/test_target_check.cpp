// SPDX-License-Identifier: Apache-2.0
// The target check before a run, and an SP that signals acceptance only by status and body: its
// JSON answers are enough, and a session probe that always answers 200 is refused before any
// suite runs, because it would turn every rejection into an acceptance.
#include "samlt/core/fs.hpp"
#include "samlt/runner/run_command.hpp"

#include "runner_fixture.hpp"
#include "support/captured_stream.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

Outcome run(std::vector<std::string> args) {
  test::CapturedStream out;
  test::CapturedStream err;
  int code = runner::run_command(args, out.get(), err.get());
  return {code, out.text(), err.text()};
}

nlohmann::json json_signals() {
  return {{"signals", {{"accept_status", {200}}, {"accept_body", "\"result\":\"ACCEPT\""}, {"reject_body", nullptr},
                       {"session_cookie", nullptr}, {"session_probe", nullptr}}}};
}

}  // namespace

TEST_CASE("an SP that answers JSON without a cookie is judged by status and body", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::json_audience);
  auto target = test::write_fake_target(dir, sp, json_signals());

  auto check = run({"--target", target.string(), "--check-target"});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Contains("target check: fake-sp: the signals tell them apart"));

  auto suite = run({(test::bundled_scenarios() / "faults/audience-wrong.json").string(),
                    (test::bundled_scenarios() / "entra/nameid-unspecified.json").string(), "--target",
                    target.string(), "--report", (dir / "report").string(), "--quiet"});
  INFO(suite.out << suite.err);
  CHECK(suite.exit_code == 0);
  auto report = nlohmann::json::parse(*core::read_file(dir / "report/report.json"));
  for (const auto& scenario : report["scenarios"]) {
    INFO(scenario["id"]);
    CHECK(scenario["status"] == "passed");
    if (scenario["id"] == "faults/audience-wrong") {
      CHECK(scenario["observed"]["signal"] == "reject_status");
      CHECK(scenario["observed"]["sp_reason"] == "the Audience is not urn:samlt:sp:fake");
    } else {
      CHECK(scenario["observed"]["signal"] == "accepted");
      CHECK(scenario["observed"]["sp_reason"].is_null());
    }
  }
}

TEST_CASE("a login URL that passes through the SP's own redirects still reaches the AuthnRequest", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::json_audience);
  nlohmann::json extra = json_signals();
  extra["login_url"] = sp.base_url() + "/start";
  auto check = run({"--target", test::write_fake_target(dir, sp, extra).string(), "--check-target"});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Contains("tell them apart"));
}

TEST_CASE("a session probe that always answers 200 is refused before any suite runs", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::json_audience);
  auto target = test::write_fake_target(
      dir, sp,
      {{"signals", {{"session_cookie", nullptr}, {"session_probe", {{"url", sp.base_url() + "/always-200"}}}}}});

  auto check = run({"--target", target.string(), "--check-target"});
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Contains("target check failed (wrong_audience_accepted)"));

  auto suite = run({test::bundled_scenarios().string(), "--target", target.string(), "--report",
                    (dir / "report").string(), "--quiet"});
  CHECK(suite.exit_code == 2);
  CHECK_THAT(suite.err, Contains("(wrong_audience_accepted)"));
  CHECK_FALSE(std::filesystem::exists(dir / "report/report.json"));
  CHECK(sp.acs_posts() == 4);  // the two sign-ins of each check, and not one scenario
}

TEST_CASE("a target whose SP rejects even a valid sign-in is refused with what to fix", "[runner][e2e]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::error_page_200);
  auto check = run({"--target", test::write_fake_target(dir, sp).string(), "--check-target"});
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Contains("target check failed (valid_rejected)"));
  CHECK_THAT(check.err, Contains("--write-idp-metadata"));
}

TEST_CASE("writing the IdP metadata gives the metadata of the app the runner registers", "[runner]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto out = dir / "idp-metadata.xml";
  auto written = run({"--target", test::write_fake_target(dir, sp).string(), "--write-idp-metadata", out.string(),
                      "--idp-base-url", "http://127.0.0.1:9999/"});
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  auto xml = core::read_file(out);
  REQUIRE(xml);
  CHECK_THAT(*xml, Contains("entityID=\"https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee/\""));
  CHECK_THAT(*xml, Contains("Location=\"http://127.0.0.1:9999/aaaabbbb-0000-cccc-1111-dddd2222eeee/saml2\""));
  CHECK(run({"--target", "a.json", "--target", "b.json", "--write-idp-metadata", out.string()}).exit_code == 2);
}
