// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/run_command.hpp"

#include "canary.hpp"
#include "metadata_step.hpp"
#include "progress.hpp"
#include "run_options.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/idp/metadata.hpp"
#include "samlt/reports/report_writers.hpp"
#include "samlt/runner/driver.hpp"
#include "samlt/runner/matrix.hpp"
#include "samlt/runner/policies.hpp"
#include "samlt/runner/suite.hpp"
#include "target_check.hpp"
#include "target_session.hpp"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

namespace samlt::runner {
namespace {

int usage_error(std::FILE* err, const std::string& message) {
  std::fprintf(err, "idp_sim run: %s\n", message.c_str());
  return 2;
}

std::vector<reports::ScenarioResult> run_all(const std::vector<PlannedRun>& plan, const DriverContext& context,
                                             int jobs, Progress& progress) {
  std::vector<reports::ScenarioResult> results(plan.size());
  // Runs that change what the SP trusts (new IdP metadata) or restart it run alone after the
  // others, so no other sign-in meets their metadata or the restart; results keep the plan's order.
  std::vector<std::size_t> shared;
  std::vector<std::size_t> alone;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    bool runs = !plan[i].unmet_need;
    (runs && runs_alone(*plan[i].scenario) ? alone : shared).push_back(i);
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t n = next++; n < shared.size(); n = next++) {
      results[shared[n]] = run_planned(plan[shared[n]], context);
      progress.finished(results[shared[n]]);
    }
  };
  std::vector<std::thread> pool;
  for (int j = 1; j < jobs && static_cast<std::size_t>(j) < shared.size(); ++j) {
    pool.emplace_back(worker);
  }
  worker();
  for (auto& thread : pool) {
    thread.join();
  }
  for (std::size_t i : alone) {
    results[i] = run_planned(plan[i], context);
    progress.finished(results[i]);
  }
  progress.done();
  return results;
}

std::vector<std::string> capability_lines(const TargetSession& session) {
  std::vector<std::string> lines;
  for (const auto& capability : session.resolved.capabilities) {
    std::string line = capability;
    if (capability == need::encryption_certificate) {
      line += " (" + session.resolved.encryption_certificate->subject() + ", from " +
              session.resolved.encryption_certificate_source + ")";
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

reports::RunReport run_target(const TargetSession& session, const std::vector<Scenario>& scenarios,
                              const RunOptions& options, const core::Clock& clock, std::FILE* out) {
  const Target& target = session.target;
  reports::RunReport report;
  report.tool_version = "samlt 0.1.0";
  report.started_at = core::format_datetime(clock.now());
  report.target = {target.name, target.entity_id, target.acs_url, target.login_url.value_or(""), target.description,
                   capability_lines(session)};
  report.policy = session.resolved.policy;
  if (!target.tls.verify) {
    report.policy.push_back({"runner.tls_verify", "false: any server certificate was accepted",
                             reports::PolicyOrigin::declared});
  }
  auto started = std::chrono::steady_clock::now();
  auto plan = plan_runs(scenarios, session.resolved.capabilities, options.flows);
  Progress progress(out, plan.size(), options.quiet);
  Canary canary;
  MetadataAdmin admin(options.timeout_seconds, target.tls);
  DriverContext context{target, *session.idp, session.app_id, session.policy,
                        clock,  options.timeout_seconds, &canary, options.idp_base_url, &admin};
  report.results = run_all(plan, context, options.jobs, progress);
  report.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

// A report folder name from a target name: letters, digits, '-', '_' and '.' kept, the rest '_'.
std::string folder_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                c == '.';
    out += keep ? c : '_';
  }
  return out == "." || out == ".." || out.empty() ? "target" : out;
}

int write_idp_metadata(const TargetSession& session, const RunOptions& options, const core::Clock& clock,
                       std::FILE* out, std::FILE* err) {
  const idp::App* app = session.idp->find_app(session.app_id);
  auto xml = idp::federation_metadata(*session.idp, idp::MetadataKind::app, app, options.idp_base_url, clock.now());
  if (!xml) {
    return usage_error(err, "cannot build the IdP metadata: " + xml.error().detail);
  }
  if (auto written = core::write_file_atomic(*options.write_idp_metadata, *xml); !written) {
    return usage_error(err, written.error().detail);
  }
  std::fprintf(out, "wrote the IdP metadata for %s (app %s, entity ID %s) to %s\n", session.target.name.c_str(),
               session.app_id.c_str(), session.idp->issuer().c_str(), options.write_idp_metadata->c_str());
  return 0;
}

}  // namespace

std::string run_usage() {
  return "usage: idp_sim run [FILES|DIRS...] --target FILE [--target FILE...] [--report DIR] [--jobs N]\n"
         "                   [--tags a,b] [--only IDS] [--exclude IDS]\n"
         "                   [--flows preferred|all|sp_initiated|idp_initiated]\n"
         "                   [--shard k/N] [--timeout SECONDS] [--no-target-check] [--quiet]\n"
         "       idp_sim run --target FILE --check-target\n"
         "       idp_sim run --target FILE --write-idp-metadata OUT [--idp-base-url URL]\n"
         "       idp_sim run --list-policies | --list-needs\n"
         "  Plays the IdP (and the browser) for each scenario against the SP the target file describes,\n"
         "  judges what the SP did, and writes junit.xml, report.json and index.html to the report\n"
         "  folder (default reports/latest). With several targets, each gets REPORT/<target name>/ and\n"
         "  REPORT gets matrix.html and matrix.json. Scenario paths default to ./scenarios.\n"
         "  --only and --exclude take comma-separated scenario ids or id prefixes up to a '/'.\n"
         "  Before any suite runs, one valid sign-in and one for another audience check that the\n"
         "  target's signals tell them apart (--check-target: only that). --write-idp-metadata writes\n"
         "  the federation metadata the SP must import to trust this IdP.\n"
         "  Exit: 0 no scenario failed (skipped ones do not count), 1 some failed or could not run,\n"
         "  2 bad usage or files, an unreachable SP, or a target whose signals fail the check.\n";
}

int run_command(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
  try {
    RunOptions options = parse_run_options(args);
    if (options.help || options.list_policies || options.list_needs) {
      if (options.help) {
        std::fputs(run_usage().c_str(), out);
      }
      if (options.list_policies) {
        std::fputs(policies_text().c_str(), out);
      }
      if (options.list_needs) {
        for (const auto& need : all_needs()) {
          std::fprintf(out, "  %-24s %s%s\n", std::string(need.id).c_str(), std::string(need.summary).c_str(),
                       need.source == NeedSource::declared ? " (declared in the target's capabilities)" : "");
        }
      }
      return 0;
    }
    core::SystemClock clock;
    std::vector<TargetSession> sessions;
    std::set<std::string> folders;
    for (const auto& file : options.targets) {
      sessions.push_back(prepare_target(file, options.timeout_seconds));
      if (!folders.insert(folder_name(sessions.back().target.name)).second) {
        return usage_error(err, file.string() + ": /name: a name no other --target has");
      }
    }
    if (options.write_idp_metadata) {
      return write_idp_metadata(sessions.front(), options, clock, out, err);
    }
    std::vector<Scenario> scenarios;
    if (!options.check_target_only) {
      scenarios = load_scenarios(options.paths);
      scenarios = select_by_id(filter_by_tags(std::move(scenarios), options.tags), options.only, options.exclude);
      scenarios = select_shard(std::move(scenarios), options.shard_index, options.shard_count);
    }
    for (const auto& session : sessions) {
      check_app_overrides(scenarios, session);
      if (auto reachable = check_reachable(session.target, options.timeout_seconds); !reachable) {
        return usage_error(err, session.target.file.string() + ": the SP is unreachable: " + reachable.error().detail);
      }
      if (options.target_check) {
        TargetCheck check = check_target(session, clock, options.timeout_seconds);
        if (!check.passed) {
          return usage_error(err, "target check failed (" + check.code + "): " + check.explanation);
        }
        std::fprintf(out, "target check: %s\n", check.explanation.c_str());
      }
    }
    if (options.check_target_only) {
      return 0;
    }
    bool several = sessions.size() > 1;
    std::vector<MatrixRun> runs;
    bool all_passed = true;
    for (const auto& session : sessions) {
      reports::RunReport report = run_target(session, scenarios, options, clock, out);
      auto dir = several ? options.report_dir / folder_name(session.target.name) : options.report_dir;
      if (auto written = reports::write_reports(report, dir); !written) {
        std::fprintf(err, "idp_sim run: cannot write reports to %s: %s\n", dir.c_str(), written.error().detail.c_str());
        return 2;
      }
      auto s = reports::summarize(report);
      std::fprintf(out,
                   "%zu scenarios against %s: %zu passed, %zu failed, %zu errors, %zu skipped (%.1f s); reports in %s\n",
                   s.total, session.target.name.c_str(), s.passed, s.failed, s.errors, s.skipped,
                   report.duration_seconds, dir.c_str());
      all_passed = all_passed && s.failed == 0 && s.errors == 0;
      runs.push_back(matrix_run(report, folder_name(session.target.name)));
    }
    if (several) {
      if (auto written = write_matrix(build_matrix(runs), options.report_dir); !written) {
        return usage_error(err, "cannot write the matrix: " + written.error().detail);
      }
      std::fprintf(out, "matrix of %zu SPs: %s\n", runs.size(), (options.report_dir / "matrix.html").c_str());
    }
    return all_passed ? 0 : 1;
  } catch (const core::Fatal& e) {
    return usage_error(err, e.what());
  } catch (const std::exception& e) {
    return usage_error(err, std::string("internal error: ") + e.what());
  }
}

}  // namespace samlt::runner
