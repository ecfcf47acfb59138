// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/load_command.hpp"

#include "load/load_options.hpp"
#include "load/load_progress.hpp"
#include "load/load_stats.hpp"
#include "load/open_loop.hpp"
#include "load/premint.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/runner/plan.hpp"
#include "samlt/runner/scenario.hpp"
#include "target_check.hpp"
#include "target_session.hpp"

#include <Poco/Net/IPAddress.h>
#include <Poco/URI.h>
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

bool is_loopback_host(const std::string& host) {
  if (host == "localhost") {
    return true;
  }
  Poco::Net::IPAddress address;
  return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

// The URLs a load run sends to must be on loopback unless --allow-remote (a load test aimed at
// someone else's server by mistake is a denial of service).
void check_loopback(const Target& target, bool allow_remote) {
  if (allow_remote) {
    return;
  }
  std::vector<std::pair<std::string, std::string>> urls = {{"/acs_url", target.acs_url}};
  if (target.login_url) {
    urls.emplace_back("/login_url", *target.login_url);
  }
  for (const auto& [pointer, url] : urls) {
    std::string host;
    try {
      host = Poco::URI(url).getHost();
    } catch (const Poco::Exception&) {
      host = url;
    }
    if (!is_loopback_host(host)) {
      throw core::Fatal(target.file.string() + ": " + pointer + ": '" + url +
                        "' is not on loopback (127.0.0.1, ::1, localhost); a load run against another machine "
                        "needs --allow-remote");
    }
  }
}

// A plain valid sign-in: what a load run does without --scenario.
Scenario valid_sign_in(const std::string& user) {
  Scenario scenario;
  scenario.id = "load/valid-sign-in";
  scenario.suite = "load";
  scenario.title = "a valid sign-in";
  scenario.user = user;
  Step step;
  ConditionalExpectation expectation;
  expectation.expect.outcome = reports::Outcome::accept;
  step.expectations.push_back(std::move(expectation));
  scenario.steps.push_back(std::move(step));
  return scenario;
}

Scenario load_scenario_for(const std::filesystem::path& file) {
  auto scenarios = load_scenario_file(file, file.parent_path());
  if (scenarios.size() != 1) {
    throw core::Fatal(file.string() + ": /variants: load mode runs one scenario; this file declares " +
                      std::to_string(scenarios.size()) + " variants");
  }
  const Scenario& scenario = scenarios.front();
  if (scenario.steps.size() != 1 || scenario.steps.front().action != StepAction::sign_in ||
      scenario.steps.front().delivery != Delivery::post) {
    throw core::Fatal(file.string() + ": /steps: load mode runs one sign_in step delivered by HTTP-POST");
  }
  return scenario;
}

Flow choose_flow(const Scenario& scenario, const TargetSession& session, const LoadOptions& options) {
  auto plan = plan_runs({scenario}, session.resolved.capabilities,
                        !options.flow                           ? FlowChoice::preferred
                        : *options.flow == Flow::sp_initiated ? FlowChoice::sp_initiated
                                                                : FlowChoice::idp_initiated);
  if (plan.empty()) {
    throw core::Fatal("--flow: the scenario " + scenario.id + " is not valid in that flow" +
                      (options.flow == Flow::sp_initiated && !session.target.login_url
                           ? " (and the target has no login_url)"
                           : ""));
  }
  if (plan.front().unmet_need) {
    throw core::Fatal(session.target.file.string() + ": the target does not meet the scenario's need '" +
                      *plan.front().unmet_need + "' (idp_sim run --list-needs)");
  }
  return plan.front().flow;
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
    TargetSession session = prepare_target(options.target, options.timeout_seconds);
    check_loopback(session.target, options.allow_remote);
    Scenario scenario = options.scenario ? load_scenario_for(*options.scenario)
                                         : valid_sign_in(member_user(*session.idp));
    check_app_overrides({scenario}, session);
    Flow flow = choose_flow(scenario, session, options);
    std::vector<std::string> users = options.users.empty() ? std::vector<std::string>{scenario.user} : options.users;
    for (const auto& user : users) {
      if (session.idp->find_user(user) == nullptr) {
        throw core::Fatal("--users: '" + user + "' is not a user of the IdP configuration");
      }
    }
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
