// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/run_command.hpp"

#include "progress.hpp"
#include "run_options.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/reports/report_writers.hpp"
#include "samlt/runner/driver.hpp"
#include "samlt/runner/suite.hpp"
#include "target_resolve.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace samlt::runner {
namespace {

int usage_error(std::FILE* err, const std::string& message) {
  std::fprintf(err, "idp_sim run: %s\n", message.c_str());
  return 2;
}

// Each scenario's app settings must be valid before anything runs: a typo is a bad file (exit 2),
// not a failed scenario.
void check_app_overrides(const std::vector<Scenario>& scenarios, const idp::Idp& idp, const Target& target) {
  const idp::App* app = idp.find_app(target.idp_app_id);
  if (app == nullptr) {
    throw core::Fatal(target.file.string() + ": /idp/app_id: an app id of " + target.idp_config.string());
  }
  for (const auto& scenario : scenarios) {
    if (auto merged = idp.app_with_overrides(*app, scenario.app_overrides); !merged) {
      throw core::Fatal(scenario.file.string() + ": /idp/app: " + merged.error().detail);
    }
  }
}

std::vector<reports::ScenarioResult> run_all(const std::vector<Scenario>& scenarios, const DriverContext& context,
                                             int jobs, Progress& progress) {
  std::vector<reports::ScenarioResult> results(scenarios.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < scenarios.size(); i = next++) {
      results[i] = run_scenario(scenarios[i], context);
      progress.finished(results[i]);
    }
  };
  std::vector<std::thread> pool;
  for (int j = 1; j < jobs && static_cast<std::size_t>(j) < scenarios.size(); ++j) {
    pool.emplace_back(worker);
  }
  worker();
  for (auto& thread : pool) {
    thread.join();
  }
  progress.done();
  return results;
}

}  // namespace

std::string run_usage() {
  return "usage: idp_sim run [FILES|DIRS...] --target FILE [--report DIR] [--jobs N] [--tags a,b]\n"
         "                   [--shard k/N] [--timeout SECONDS] [--quiet]\n"
         "  Plays the IdP (and the browser) for each scenario against the SP the target file describes,\n"
         "  judges what the SP did, and writes junit.xml, report.json and index.html to the report\n"
         "  folder (default reports/latest). Scenario paths default to ./scenarios.\n"
         "  Exit: 0 all scenarios met their expectation, 1 some did not, 2 bad usage or files, or an\n"
         "  unreachable SP.\n";
}

int run_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
  try {
    RunOptions options = parse_run_options(args);
    if (options.help) {
      std::fputs(run_usage().c_str(), out);
      return 0;
    }
    Target target = load_target(options.target);
    idp::Idp idp(idp::load_idp_config(target.idp_config));
    auto scenarios = load_scenarios(options.paths);
    check_app_overrides(scenarios, idp, target);
    scenarios = select_shard(filter_by_tags(std::move(scenarios), options.tags), options.shard_index, options.shard_count);

    if (auto reachable = check_reachable(target, options.timeout_seconds); !reachable) {
      return usage_error(err, "the SP is unreachable: " + reachable.error().detail);
    }
    if (auto completed = complete_from_metadata(target, options.timeout_seconds); !completed) {
      return usage_error(err, target.file.string() + ": SP metadata: " + completed.error().detail);
    }
    auto policy = fetch_policy(target, options.timeout_seconds);
    if (!policy) {
      return usage_error(err, target.file.string() + ": /policy_url: " + policy.error().detail);
    }
    core::SystemClock clock;
    reports::RunReport report;
    report.tool_version = "samlt 0.1.0";
    report.started_at = core::format_datetime(clock.now());
    report.target = {target.name, target.entity_id, target.acs_url, target.login_url.value_or(""), target.description};
    report.policy.assign(policy->begin(), policy->end());
    if (!target.tls.verify) {
      report.policy.emplace_back("runner.tls_verify", "false: any server certificate was accepted");
    }

    auto started = std::chrono::steady_clock::now();
    Progress progress(out, scenarios.size(), options.quiet);
    DriverContext context{target, idp, *policy, clock, options.timeout_seconds};
    report.results = run_all(scenarios, context, options.jobs, progress);
    report.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    auto summary = reports::summarize(report);
    if (auto written = reports::write_reports(report, options.report_dir); !written) {
      std::fprintf(err, "idp_sim run: cannot write reports to %s: %s\n", options.report_dir.c_str(),
                   written.error().detail.c_str());
      return 2;
    }
    std::fprintf(out, "%zu scenarios against %s: %zu passed, %zu failed, %zu errors (%.1f s); reports in %s\n",
                 summary.total, target.name.c_str(), summary.passed, summary.failed, summary.errors,
                 report.duration_seconds, options.report_dir.c_str());
    return summary.passed == summary.total ? 0 : 1;
  } catch (const core::Fatal& e) {
    return usage_error(err, e.what());
  } catch (const std::exception& e) {
    return usage_error(err, std::string("internal error: ") + e.what());
  }
}

}  // namespace samlt::runner
