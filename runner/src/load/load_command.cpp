// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/load_command.hpp"

#include "load/load_options.hpp"
#include "load/load_progress.hpp"
#include "load/load_setup.hpp"
#include "load/load_stats.hpp"
#include "load/open_loop.hpp"
#include "load/premint.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/runner/plan.hpp"
#include "samlt/runner/scenario.hpp"
#include "target_session.hpp"

#include <sys/resource.h>

#include <cmath>
#include <thread>

namespace samlt::runner {
namespace {

using load::LoadOptions;

int usage_error(std::FILE* err, const std::string& message) {
  std::fprintf(err, "idp_sim load: %s\n", message.c_str());
  return 2;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int load_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
  try {
    LoadOptions options = load::parse_load_options(args);
    if (options.help) {
      std::fputs(load::load_usage().c_str(), out);
      return 0;
    }
    load::LoadSetup setup = load::prepare_load(
        {options.target, options.scenario, options.users, options.flow, options.allow_remote, options.timeout_seconds});
    TargetSession& session = setup.session;
    const Scenario& scenario = setup.scenario;
    const Flow flow = setup.flow;
    const std::vector<std::string>& users = setup.users;
    if (options.sp_pid && !load::read_rss_kb(*options.sp_pid)) {
      throw core::Fatal("--sp-pid: no process " + std::to_string(*options.sp_pid) + " whose memory can be read");
    }
    if (auto reachable = check_reachable(session.target, options.timeout_seconds); !reachable) {
      return usage_error(err, session.target.file.string() + ": the SP is unreachable: " + reachable.error().detail);
    }
    core::SystemClock clock;
    load::SignInPlan plan{session.target, *session.idp, session.app_id, flow, scenario, session.policy,
                          clock,          options.timeout_seconds};
    load::Schedule schedule;
    schedule.rate = options.rate;
    schedule.count = static_cast<std::size_t>(std::llround(options.rate * options.duration_seconds));
    schedule.count = std::max<std::size_t>(schedule.count, 1);
    schedule.concurrency = options.concurrency;
    schedule.start_deadline_seconds = options.duration_seconds + options.timeout_seconds;

    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    double live_rate = options.mint == load::MintMode::never ? 0 : load::live_signing_rate(plan, users.front(), cores);
    bool mint = options.mint == load::MintMode::always ||
                (options.mint == load::MintMode::automatic && options.rate > 0.5 * live_rate);
    std::optional<load::Minted> minted;
    if (mint) {
      if (schedule.count > load::k_max_minted) {
        throw core::Fatal("--rate x --duration: " + std::to_string(schedule.count) +
                          " sign-ins are more than can be pre-signed here (at most 50,000, about " +
                          std::to_string(static_cast<long long>(live_rate)) +
                          "/s signed live); shorten the run, or pre-sign them for a distributed load tool");
      }
      if (!options.quiet) {
        std::fprintf(out, "load: pre-signing %zu sign-ins (this machine signs about %.0f/s live)\n", schedule.count,
                     live_rate);
      }
      minted = load::mint_sign_ins(plan, users, schedule.count, std::min<int>(options.concurrency, static_cast<int>(cores) * 4));
    }

    std::string started_at = core::format_datetime(clock.now());
    load::LiveProgress progress(out, options.quiet, options.sp_pid);
    double cpu_before = cpu_seconds();
    auto start = load::SteadyClock::now();
    progress.start(start);
    auto samples = load::run_schedule(
        schedule, start,
        [&](std::size_t i, load::Sample& sample) {
          if (!minted) {
            load::sign_in_once(plan, users[i % users.size()], sample);
          } else if (auto& prepared = minted->sign_ins[i]) {
            load::deliver_sign_in(plan, *prepared, sample);
            prepared.reset();  // its memory goes as soon as it is posted
          } else {
            sample.outcome = minted->failures[i].outcome;
            sample.reason = minted->failures[i].reason;
            sample.detail = minted->failures[i].detail;
          }
        },
        [&](const load::Sample& sample) { progress.finished(sample); });
    double wall = std::chrono::duration<double>(load::SteadyClock::now() - start).count();
    progress.stop();

    load::RunFacts facts{options.rate, wall, cpu_seconds() - cpu_before, cores, progress.rss_by_second(),
                         options.sp_pid.value_or(0)};
    reports::LoadSummary summary = load::summarize(samples, facts);
    summary.target = session.target.name;
    summary.flow = flow == Flow::sp_initiated ? "sp-initiated" : "idp-initiated";
    summary.scenario = scenario.id;
    summary.concurrency = options.concurrency;
    summary.duration_seconds = options.duration_seconds;
    summary.started_at = started_at;
    summary.live_signing_rate = live_rate;
    summary.minted = minted ? schedule.count : 0;
    summary.mint_seconds = minted ? minted->seconds : 0;
    std::fputs(reports::render_load_text(summary).c_str(), out);
    if (auto written = reports::write_load_reports(summary, options.report_dir); !written) {
      return usage_error(err, "cannot write the report: " + written.error().detail);
    }
    std::fprintf(out, "  reports: %s, %s\n", (options.report_dir / "load.json").c_str(),
                 (options.report_dir / "load.html").c_str());
    return summary.unexpected == 0 && summary.errors == 0 ? 0 : 1;
  } catch (const core::Fatal& e) {
    return usage_error(err, e.what());
  } catch (const std::exception& e) {
    return usage_error(err, std::string("internal error: ") + e.what());
  }
}

}  // namespace samlt::runner
