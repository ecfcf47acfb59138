// SPDX-License-Identifier: Apache-2.0
// Exit codes and messages of `idp_sim run` for bad usage, bad files and an unreachable SP.
#include "samlt/runner/run_command.hpp"

#include "runner_fixture.hpp"
#include "support/captured_stream.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

struct Outcome {
  int exit_code;
  std::string err;
};

Outcome run(std::vector<std::string> args) {
  test::CapturedStream out;
  test::CapturedStream err;
  int code = runner::run_command(args, out.get(), err.get());
  return {code, err.text()};
}

}  // namespace

TEST_CASE("usage errors exit 2", "[runner]") {
  CHECK(run({}).exit_code == 2);
  CHECK_THAT(run({}).err, Contains("--target: required"));
  CHECK_THAT(run({"--target", "x", "--jobs", "0"}).err, Contains("--jobs: expected an integer from 1 to 64"));
  CHECK_THAT(run({"--target", "x", "--shard", "3/2"}).err, Contains("--shard k"));
  CHECK_THAT(run({"--target", "x", "--frobnicate"}).err, Contains("--frobnicate: unknown option"));
  CHECK(run({"--help"}).exit_code == 0);
}

TEST_CASE("bad target and scenario files exit 2 naming file and pointer", "[runner]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto target = test::write_fake_target(dir, sp, {{"signals", {{"reject_status", "403"}}}});
  auto bad_target = run({"--target", target.string(), test::bundled_scenarios().string()});
  CHECK(bad_target.exit_code == 2);
  CHECK_THAT(bad_target.err, Contains("target.json: /signals/reject_status: an array of HTTP status codes"));

  auto good_target = test::write_fake_target(dir, sp);
  test::write_json(dir, "s/faults/bad.json",
                   {{"id", "x"}, {"title", "x"}, {"seed", "000"}, {"user", "u"}, {"expect", {{"outcome", "reject"}, {"reasn", "x"}}}});
  auto bad_scenario = run({"--target", good_target.string(), (dir / "s").string()});
  CHECK(bad_scenario.exit_code == 2);
  CHECK_THAT(bad_scenario.err, Contains("bad.json: /expect/reasn: no such key here"));

  test::write_json(dir, "s2/faults/bad-app.json",
                   {{"id", "x"}, {"title", "x"}, {"seed", "000"}, {"user", "u"}, {"idp", {{"app", {{"signing", "sideways"}}}}},
                    {"expect", {{"outcome", "reject"}}}});
  auto bad_app = run({"--target", good_target.string(), (dir / "s2").string()});
  CHECK(bad_app.exit_code == 2);
  CHECK_THAT(bad_app.err, Contains("bad-app.json: /idp/app:"));
  CHECK_THAT(bad_app.err, Contains("signing"));
}

TEST_CASE("an unreachable SP exits 2 before any scenario runs", "[runner]") {
  test::TempDir dir;
  int port = test::free_loopback_port();
  nlohmann::json target = {{"name", "gone"},
                           {"entity_id", "urn:gone"},
                           {"acs_url", "http://127.0.0.1:" + std::to_string(port) + "/acs"},
                           {"login_url", "http://127.0.0.1:" + std::to_string(port) + "/login"},
                           {"idp", {{"config", test::write_idp_config(dir).string()}, {"app_id", test::k_default_app_id}}},
                           {"signals", {{"session_cookie", "s"}}}};
  auto outcome = run({"--target", test::write_json(dir, "target.json", target).string(), test::bundled_scenarios().string()});
  CHECK(outcome.exit_code == 2);
  CHECK_THAT(outcome.err, Contains("the SP is unreachable"));
}
