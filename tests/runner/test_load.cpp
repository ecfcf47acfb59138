// SPDX-License-Identifier: Apache-2.0
// `idp_sim load` against fake SPs on loopback: the achieved rate follows the requested one, a slow
// SP shows up as latency and not as a lower send rate, an SP that dies ends the run with its
// errors counted; and the percentile and bottleneck arithmetic on known samples.
#include "load/load_stats.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/runner/load_command.hpp"

#include "runner_fixture.hpp"
#include "support/captured_stream.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using namespace samlt;
using Catch::Matchers::Contains;

namespace {

struct LoadRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  nlohmann::json report;  // load.json; null when none was written
  double wall_seconds = 0;
};

LoadRun load(const test::TempDir& dir, std::vector<std::string> args) {
  auto report_dir = dir / "load-report";
  std::filesystem::remove_all(report_dir);
  args.insert(args.end(), {"--report", report_dir.string()});
  test::CapturedStream out;
  test::CapturedStream err;
  LoadRun run;
  auto started = std::chrono::steady_clock::now();
  run.exit_code = runner::load_command(args, out.get(), err.get());
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.out = out.text();
  run.err = err.text();
  if (auto text = core::read_file(report_dir / "load.json")) {
    run.report = nlohmann::json::parse(*text);
  }
  return run;
}

runner::load::Sample sample(double due, double started, double finished, runner::load::SampleOutcome outcome,
                            std::string reason = {}) {
  runner::load::Sample s;
  s.due = due;
  s.started = started;
  s.finished = finished;
  s.outcome = outcome;
  s.reason = std::move(reason);
  s.as_expected = outcome == runner::load::SampleOutcome::accept;
  s.idp_seconds = 0.001;
  s.acs_seconds = finished - started - 0.001;
  return s;
}

}  // namespace

TEST_CASE("load: nearest-rank percentiles", "[runner][load]") {
  std::vector<double> values;
  for (int i = 1; i <= 1000; ++i) {
    values.push_back(i / 1000.0);
  }
  auto p = runner::load::percentiles(values);
  CHECK(p.count == 1000);
  CHECK(p.p50 == Approx(0.500));
  CHECK(p.p90 == Approx(0.900));
  CHECK(p.p99 == Approx(0.990));
  CHECK(p.p999 == Approx(0.999));
  CHECK(p.max == Approx(1.000));
  CHECK(runner::load::percentiles({}).count == 0);
  CHECK(runner::load::percentiles({0.25}).p999 == Approx(0.25));
}

TEST_CASE("load: the summary counts from the due time and names what held the run back", "[runner][load]") {
  using runner::load::SampleOutcome;
  runner::load::RunFacts facts{100, 1.0, 0.1, 2, {}, 0};
  std::vector<runner::load::Sample> on_time;
  for (int i = 0; i < 100; ++i) {
    double due = i / 100.0;
    on_time.push_back(sample(due, due, due + 0.004, SampleOutcome::accept));
  }
  auto kept = runner::load::summarize(on_time, facts);
  CHECK(kept.achieved_rate == Approx(100).epsilon(0.001));
  CHECK(kept.accepted == 100);
  CHECK(kept.whole.p50 == Approx(0.004));
  CHECK(kept.bottleneck == reports::Bottleneck::none);

  // Every slot busy: each sign-in starts 50 ms later than the one before it was due to.
  std::vector<runner::load::Sample> queued;
  for (int i = 0; i < 100; ++i) {
    double due = i / 100.0;
    double started = i * 0.05;
    queued.push_back(sample(due, started, started + 0.05, i % 10 == 0 ? SampleOutcome::reject : SampleOutcome::accept,
                            "audience_restriction.audience_mismatch"));
  }
  facts.wall_seconds = 5.0;
  auto slow = runner::load::summarize(queued, facts);
  CHECK(slow.achieved_rate == Approx(20).epsilon(0.01));
  CHECK(slow.whole.max == Approx(99 * 0.05 + 0.05 - 0.99));  // the wait counts
  CHECK(slow.bottleneck == reports::Bottleneck::concurrency);
  CHECK(slow.rejected == 10);
  CHECK(slow.reject_reasons.at("audience_restriction.audience_mismatch") == 10);
  CHECK(slow.unexpected == 10);

  facts.cpu_seconds = 9.5;  // 95 % of 2 cores for 5 s: this process was the bottleneck
  CHECK(runner::load::summarize(queued, facts).bottleneck == reports::Bottleneck::generator);
}

TEST_CASE("load: bad usage exits 2 naming the option", "[runner][load]") {
  test::TempDir dir;
  CHECK_THAT(load(dir, {}).err, Contains("--target: required"));
  CHECK_THAT(load(dir, {"--target", "t.json", "--rate", "10"}).err, Contains("--duration: required"));
  CHECK_THAT(load(dir, {"--target", "t.json", "--rate", "0", "--duration", "1"}).err, Contains("--rate: expected a number"));
  CHECK_THAT(load(dir, {"--target", "t.json", "--rate", "100000", "--duration", "3600"}).err,
             Contains("at most 1,000,000 sign-ins"));
  CHECK_THAT(load(dir, {"--target", "t.json", "--rate", "1", "--duration", "1", "--flow", "both"}).err,
             Contains("--flow: expected sp_initiated or idp_initiated"));
  CHECK(load(dir, {"--help"}).exit_code == 0);

  test::FakeSp sp(test::FakeSpMode::lax);
  auto target = test::write_fake_target(dir, sp);
  auto remote_json = nlohmann::json::parse(*core::read_file(target));
  remote_json["acs_url"] = "https://192.0.2.10/acs";  // TEST-NET-1 (RFC 5737): never reached
  auto remote = test::write_json(dir, "remote.json", remote_json);
  auto run = load(dir, {"--target", remote.string(), "--rate", "1", "--duration", "1"});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Contains("/acs_url") && Contains("not on loopback") && Contains("--allow-remote"));
  run = load(dir, {"--target", target.string(), "--rate", "1", "--duration", "1", "--users", "nobody@contoso.example"});
  CHECK_THAT(run.err, Contains("--users: 'nobody@contoso.example' is not a user"));
  CHECK(sp.acs_posts() == 0);
}

TEST_CASE("load: the achieved rate is within 5 % of the requested rate, every sign-in its own", "[runner][load]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto target = test::write_fake_target(dir, sp);
  auto run = load(dir, {"--target", target.string(), "--rate", "150", "--duration", "2", "--quiet"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  const auto& r = run.report;
  CHECK(r["flow"] == "sp-initiated");
  CHECK(r["counts"]["total"] == 300);
  CHECK(r["counts"]["accepted"] == 300);
  CHECK(sp.acs_posts() == 300);
  CHECK(r["achieved_rate"].get<double>() == Approx(150).epsilon(0.05));
  CHECK(r["latency"]["login"]["count"] == 300);
  CHECK(r["latency"]["idp"]["count"] == 300);
  CHECK(r["latency"]["acs"]["count"] == 300);
  CHECK(r["bottleneck"] == "none");
  CHECK(run.wall_seconds < 6);
}

TEST_CASE("load: an SP that slows down shows up as latency, not as a lower send rate", "[runner][load]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  sp.slow_down(120);
  auto target = test::write_fake_target(dir, sp);
  std::vector<std::string> args = {"--target", target.string(), "--rate", "40", "--duration", "2", "--flow",
                                   "idp_initiated", "--quiet"};
  auto run = load(dir, args);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.report["counts"]["accepted"] == 80);
  CHECK(run.report["achieved_rate"].get<double>() == Approx(40).epsilon(0.05));
  CHECK(run.report["latency"]["whole"]["p50_ms"].get<double>() >= 120);
  CHECK(run.report["bottleneck"] == "none");

  // Two slots for 40 sign-ins per second that take 120 ms each: they queue, and the wait counts
  // from when each was due, so the latency grows instead of hiding in a lower rate.
  args.insert(args.end(), {"--concurrency", "2"});
  run = load(dir, args);
  INFO(run.out << run.err);
  CHECK(run.report["counts"]["accepted"] == 80);
  CHECK(run.report["latency"]["whole"]["max_ms"].get<double>() >= 2000);
  CHECK(run.report["latency"]["start_lag"]["p99_ms"].get<double>() >= 1500);
  CHECK(run.report["bottleneck"] == "concurrency");
  CHECK_THAT(run.out, Contains("every one of the 2 slots was busy"));
}

TEST_CASE("load: an SP that dies ends the run with its errors counted, not a hang", "[runner][load]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::vanishing, 40);
  auto target = test::write_fake_target(dir, sp);
  auto run = load(dir, {"--target", target.string(), "--rate", "50", "--duration", "2", "--flow", "idp_initiated",
                        "--timeout", "2", "--quiet"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  const auto& r = run.report;
  CHECK(r["counts"]["total"] == 100);
  CHECK(r["counts"]["accepted"].get<int>() >= 39);
  CHECK(r["counts"]["errors"].get<int>() >= 50);
  CHECK(r["error_reasons"].contains("runner.http_failed"));
  CHECK(r["counts"]["accepted"].get<int>() + r["counts"]["errors"].get<int>() == 100);
  CHECK(run.wall_seconds < 2 + 2 + 2);
  CHECK_THAT(run.out, Contains("errors: runner.http_failed"));
}

TEST_CASE("load: with --mint always every sign-in is signed before the run, which only posts them", "[runner][load]") {
  test::TempDir dir;
  test::FakeSp sp(test::FakeSpMode::lax);
  auto target = test::write_fake_target(dir, sp);
  auto run = load(dir, {"--target", target.string(), "--rate", "100", "--duration", "1", "--mint", "always", "--quiet"});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  const auto& r = run.report;
  CHECK(r["minted"] == 100);
  CHECK(r["live_signing_rate"].get<double>() > 0);
  CHECK(r["counts"]["accepted"] == 100);
  CHECK(sp.acs_posts() == 100);
  CHECK(r["latency"]["acs"]["count"] == 100);
  CHECK(r["latency"]["idp"]["count"] == 0);  // signed before the run, not in it
  CHECK_THAT(run.out, Contains("pre-signed: 100 sign-ins"));
  CHECK_THAT(load(dir, {"--target", target.string(), "--rate", "1000", "--duration", "60", "--mint", "always"}).err,
             Contains("more than can be pre-signed here (at most 50,000"));
}
