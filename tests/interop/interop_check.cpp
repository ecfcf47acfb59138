// SPDX-License-Identifier: Apache-2.0
#include "interop_check.hpp"

#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <set>

namespace samlt::test::interop {
namespace {

struct ExpectedVerdict {
  std::string verdicts;  // one per step: "accept", "reject,accept" …
  std::string pattern;   // matches the SP's text of every rejected step
};

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  INFO(file.string());
  REQUIRE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// expected-verdicts.tsv: `id<TAB>verdicts<TAB>pattern` a line, '#' comments.
std::map<std::string, ExpectedVerdict> read_expected(const std::filesystem::path& file) {
  std::map<std::string, ExpectedVerdict> out;
  for (const auto& line : lines_of(file)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    auto tab1 = line.find('\t');
    auto tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    INFO(file.string() << ": not id<TAB>verdicts<TAB>pattern: " << line);
    REQUIRE(tab2 != std::string::npos);
    out[line.substr(0, tab1)] = {line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1)};
  }
  return out;
}

std::vector<std::string> split_on(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (auto at = text.find(separator); at != std::string::npos; at = text.find(separator, begin)) {
    parts.push_back(text.substr(begin, at - begin));
    begin = at + 1;
  }
  parts.push_back(text.substr(begin));
  return parts;
}

struct KnownFailures {
  std::vector<std::string> ids;    // fail every run
  std::vector<std::string> maybe;  // "~ id": fail or pass by the order of concurrent results
};

// known-failures.txt: result ids, '#' comments (what the SP did, in its own words).
KnownFailures read_known_failures(const std::filesystem::path& file) {
  KnownFailures known;
  for (const auto& line : lines_of(file)) {
    if (line.rfind("~ ", 0) == 0) {
      known.maybe.push_back(line.substr(2));
    } else if (!line.empty() && line[0] != '#') {
      known.ids.push_back(line);
    }
  }
  return known;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += "  " + line + "\n";
  }
  return out;
}

std::string strip_blanks(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }),
             text.end());
  return text;
}

// Where a run's evidence stays after the temporary folders are gone.
std::filesystem::path kept_dir(const std::string& impl) {
  auto dir = std::filesystem::path(SAMLT_BINARY_DIR) / "interop-runs" / impl;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir);
  return dir;
}

void keep(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  std::filesystem::copy(from, to, std::filesystem::copy_options::recursive, ec);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Each step judged by the SP's own answer; the result's line of the actual table.
// `sp_down`: the result ran alone (takes-sp-down.txt) and the SP's processes exited after it.
std::string judge_result(const Stack& stack, const ResultRun& result, const InteropSp& sp, const std::string& logs,
                         const std::map<std::string, ExpectedVerdict>& expected, bool sp_down,
                         std::vector<std::string>& problems) {
  std::string verdicts;
  std::vector<std::string> texts;
  for (const auto& step : result.steps) {
    std::string verdict = "?";
    bool last = &step == &result.steps.back();
    if (sp_down && last) {
      // The SP's answer is its front end's "cannot reach the back end" page, not a verdict: the
      // evidence is the exited process. No session came of it, so the runner must not see one.
      verdict = "sp-down";
      if (step.runner_outcome == "accept") {
        problems.push_back(result.id + ": " + step.name + ": the SP went down, yet the runner observed accept");
      }
    } else if (step.code == "answer_timeout" || step.code == "answer_unreadable") {
      // No answer to compare with the SP's pages: the exchange itself is the evidence (the SP
      // took the POST and gave no readable answer); its log is not consulted.
      verdict = step.code == "answer_timeout" ? "no-answer" : "unreadable";
    } else if (!step.visit) {
      problems.push_back(result.id + ": " + step.name + ": no visit to the ACS in the report");
    } else {
      SpVerdict sp_verdict = stack.verdict({result, step, sp, logs});
      if (sp_verdict.outcome.empty()) {
        problems.push_back(result.id + ": " + step.name + ": the SP's answer fits neither rule: " + sp_verdict.evidence);
      } else {
        verdict = sp_verdict.outcome;
        if (verdict != step.runner_outcome) {
          problems.push_back(result.id + ": " + step.name + ": the runner observed " + step.runner_outcome +
                             ", the SP's own answer says " + verdict + " (" + sp_verdict.evidence + ")");
        }
        if (verdict == "reject") {
          if (sp_verdict.text.empty()) {
            problems.push_back(result.id + ": " + step.name + ": rejected without the SP's error text (" +
                               sp_verdict.evidence + ")");
          }
          texts.push_back(sp_verdict.text);
        }
      }
    }
    verdicts += (verdicts.empty() ? "" : ",") + verdict;
  }
  auto found = expected.find(result.id);
  if (found == expected.end()) {
    problems.push_back(result.id + ": not in expected-verdicts.tsv");
  } else {
    // "a|b": the SP's verdict depends on the machine's speed or on the order of concurrent results
    // (a comment above the line says which); any one listed will do.
    auto allowed = split_on(found->second.verdicts, '|');
    if (std::find(allowed.begin(), allowed.end(), verdicts) == allowed.end()) {
      problems.push_back(result.id + ": the SP's verdicts are " + verdicts + ", expected-verdicts.tsv says " +
                         found->second.verdicts);
    }
    for (const auto& text : texts) {
      if (!std::regex_search(text, std::regex(found->second.pattern))) {
        problems.push_back(result.id + ": the SP said '" + text + "', expected-verdicts.tsv expects /" +
                           found->second.pattern + "/");
      }
    }
  }
  return result.id + "\t" + verdicts + "\t" + (texts.empty() ? "" : text_pattern(texts.front())) + "\n";
}

// entra/encrypted-*: encrypted to the certificate the SP generated at start (DIR/sp.crt, which its
// metadata advertises), accepted, and decrypted by the SP with its own key.
void check_encrypted(const Stack& stack, const ResultRun& result, const InteropSp& sp, const std::string& logs,
                     std::vector<std::string>& problems) {
  if (result.status != "passed") {
    problems.push_back(result.id + ": " + result.status + ": " + result.message);
  }
  std::string certificate = sp.certificate_base64();
  for (const auto& step : result.steps) {
    std::string xml = strip_blanks(step.response_xml);
    if (xml.find("EncryptedAssertion") == std::string::npos || xml.find(certificate) == std::string::npos) {
      problems.push_back(result.id + ": " + step.name +
                         ": the Response has no EncryptedAssertion whose EncryptedKey names the SP's certificate");
    }
    if (!step.visit) {
      continue;
    }
    StepContext context{result, step, sp, logs};
    if (stack.verdict(context).outcome != "accept") {
      problems.push_back(result.id + ": " + step.name + ": the SP did not accept it");
    } else if (auto missing = stack.decrypted_with_own_key(context); !missing.empty()) {
      problems.push_back(result.id + ": " + step.name + ": " + missing);
    }
  }
}

// takes-sp-down.txt (optional): scenario ids, '#' comments. Each one takes the SP down (its
// process exits), so it runs alone against a fresh start of the SP, after the suite.
std::vector<std::string> read_takes_sp_down(const std::filesystem::path& file) {
  return std::filesystem::exists(file) ? read_known_failures(file).ids : std::vector<std::string>{};
}

// needs-not-offered.txt (optional): "<need id> <why>" lines, '#' comments. A result skipped for a
// listed need is what this SP's set-up cannot offer, not an error.
std::vector<std::string> read_needs_not_offered(const std::filesystem::path& file) {
  std::vector<std::string> needs;
  if (std::filesystem::exists(file)) {
    for (const auto& line : lines_of(file)) {
      if (!line.empty() && line[0] != '#') {
        needs.push_back(line.substr(0, line.find_first_of(" \t")));
      }
    }
  }
  return needs;
}

struct SuiteRun {
  SuiteReport report;
  std::string logs;
  bool sp_down = false;  // some process of the SP exited during the run
};

// `idp_sim run` over the bundled scenarios against `sp` with `selection`, its evidence kept in `kept`.
SuiteRun run_suite(const InteropSp& sp, const std::filesystem::path& report_dir, const std::filesystem::path& kept,
                   std::vector<std::string> selection) {
  std::vector<std::string> command = {SAMLT_IDP_SIM_EXE, "run",
                                      (std::filesystem::path(SAMLT_SOURCE_DIR) / "scenarios").string(),
                                      "--target", sp.target().string(), "--report", report_dir.string(), "--quiet"};
  command.insert(command.end(), selection.begin(), selection.end());
  auto began = std::chrono::steady_clock::now();
  auto run = run_command(command);
  double seconds = seconds_since(began);
  SuiteRun out;
  out.logs = read_logs(sp.logs());
  out.sp_down = !sp.exited_processes().empty();
  std::filesystem::create_directories(kept);
  keep(report_dir / "report.json", kept / "report.json");
  keep(sp.logs(), kept / "logs");
  keep(sp.target(), kept / "target.json");
  INFO("idp_sim run (exit " << run.exit_code << "):\n" << run.output << "\nthe run is kept in " << kept.string());
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  out.report = read_suite_report(report_dir / "report.json");
  std::printf("interop %s: %zu results in %.1f s%s\n", sp.impl().c_str(), out.report.results.size(), seconds,
              out.sp_down ? " (the SP went down)" : "");
  return out;
}

std::string comma_joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ",") + item;
  }
  return out;
}

}  // namespace

std::vector<std::string> scenarios_taking_sp_down(const std::string& impl) {
  return read_takes_sp_down(interop_dir() / impl / "takes-sp-down.txt");
}

std::vector<std::string> scenarios_tying_up_sp(const std::string& impl) {
  return read_takes_sp_down(interop_dir() / impl / "ties-up-sp.txt");
}

void check_interop_suite(const Stack& stack) {
  auto folder = interop_dir() / stack.impl;
  auto expected = read_expected(folder / "expected-verdicts.tsv");
  auto takes_down = scenarios_taking_sp_down(stack.impl);
  auto ties_up = scenarios_tying_up_sp(stack.impl);
  auto not_offered = read_needs_not_offered(folder / "needs-not-offered.txt");
  auto not_judged = read_takes_sp_down(interop_dir() / "not-judged.txt");
  std::set<std::string> skipped_needs;
  auto kept = kept_dir(stack.impl);
  std::vector<std::string> errors;
  std::vector<std::string> problems;
  std::vector<std::string> encryption;
  std::vector<std::string> failed;
  std::map<std::string, std::string> failed_why;  // id → the result's message, for the diff below
  std::vector<std::string> ran;
  std::string actual = "# " + std::string(stack.impl) +
                       ": result id, the SP's verdict per step, its error text (generated; review every line)\n";
  std::size_t encrypted = 0;
  auto judge_run = [&](const SuiteRun& run, const InteropSp& sp) {
    for (const auto& result : run.report.results) {
      ran.push_back(result.id);
      std::string need = result.code.rfind("need.", 0) == 0 ? result.code.substr(5) : std::string();
      if (result.status == "skipped" && std::find(not_offered.begin(), not_offered.end(), need) != not_offered.end()) {
        skipped_needs.insert(need);
        continue;
      }
      if (result.status == "error" || (result.status == "skipped" && result.code != "policy_ungraded")) {
        errors.push_back(result.id + ": " + result.status + ": " + result.message);
        continue;
      }
      if (result.status == "failed") {
        failed.push_back(result.id);
        failed_why[result.id] = result.message;
      }
      actual += judge_result(stack, result, sp, run.logs, expected, run.sp_down, problems);
      if (result.scenario_id.rfind("entra/encrypted-", 0) == 0) {
        ++encrypted;
        check_encrypted(stack, result, sp, run.logs, encryption);
      }
    }
  };
  {
    TempDir dir;
    auto began = std::chrono::steady_clock::now();
    InteropSp sp(stack.impl, stack.example, dir.path());
    std::printf("interop %s: started in %.1f s\n", stack.impl, seconds_since(began));
    std::vector<std::string> selection = {"--flows", "all"};
    std::vector<std::string> excluded = takes_down;
    excluded.insert(excluded.end(), ties_up.begin(), ties_up.end());
    excluded.insert(excluded.end(), not_judged.begin(), not_judged.end());
    if (!excluded.empty()) {
      selection.insert(selection.end(), {"--exclude", comma_joined(excluded)});
    }
    auto run = run_suite(sp, dir / "report", kept, selection);
    if (run.sp_down) {
      problems.push_back("the SP went down during the suite (processes exited: see the kept logs); "
                         "find the scenario and list it in takes-sp-down.txt");
    }
    judge_run(run, sp);
  }
  // One flow, one result, one fresh SP each: what the SP did after going down would say nothing.
  for (std::size_t i = 0; i < takes_down.size(); ++i) {
    TempDir dir;
    InteropSp sp(stack.impl, stack.example, dir.path());
    auto run = run_suite(sp, dir / "report", kept / ("takes-sp-down-" + std::to_string(i + 1)),
                         {"--only", takes_down[i], "--flows", "idp_initiated", "--jobs", "1"});
    if (!run.sp_down) {
      problems.push_back(takes_down[i] + ": listed in takes-sp-down.txt, but the SP kept running");
    }
    judge_run(run, sp);
  }
  // Each in every flow, one at a time, against a fresh SP: a request that never ends holds one of
  // the SP's workers for good, and a request of the suite handed to that worker would wait forever.
  for (std::size_t i = 0; i < ties_up.size(); ++i) {
    TempDir dir;
    InteropSp sp(stack.impl, stack.example, dir.path());
    auto run = run_suite(sp, dir / "report", kept / ("ties-up-sp-" + std::to_string(i + 1)),
                         {"--only", ties_up[i], "--flows", "all", "--jobs", "1"});
    if (run.sp_down) {
      problems.push_back(ties_up[i] + ": listed in ties-up-sp.txt, but the SP went down");
    }
    judge_run(run, sp);
  }
  for (const auto& need : not_offered) {
    if (!skipped_needs.contains(need)) {
      problems.push_back(need + ": listed in needs-not-offered.txt, but no result was skipped for it");
    }
  }
  for (const auto& [id, unused] : expected) {
    if (std::find(ran.begin(), ran.end(), id) == ran.end()) {
      problems.push_back(id + ": listed in expected-verdicts.tsv, but no such result");
    }
  }
  if (!problems.empty()) {
    std::ofstream(kept / "expected-verdicts.actual.tsv") << actual;
    std::ofstream(kept / "problems.txt") << joined(problems) << "\n";
  }

  INFO("the run is kept in " << kept.string());
  {
    INFO("results that are errors or skipped:\n" << joined(errors));
    CHECK(errors.empty());
  }
  {
    INFO("verdicts that differ (the actual table: " << (kept / "expected-verdicts.actual.tsv").string() << "):\n"
                                                    << joined(problems));
    CHECK(problems.empty());
  }
  {
    std::sort(failed.begin(), failed.end());
    auto [known, maybe] = read_known_failures(folder / "known-failures.txt");
    std::vector<std::string> diff;
    for (const auto& id : failed) {
      bool listed = std::find(known.begin(), known.end(), id) != known.end() ||
                    std::find(maybe.begin(), maybe.end(), id) != maybe.end();
      if (!listed) {
        diff.push_back("+ " + id + " (failed, not in known-failures.txt): " + failed_why[id]);
      }
    }
    for (const auto& id : known) {
      if (std::find(failed.begin(), failed.end(), id) == failed.end()) {
        diff.push_back("- " + id + " (in known-failures.txt, did not fail)");
      }
    }
    INFO("known-failures.txt differs from the failed results:\n" << joined(diff));
    CHECK(diff.empty());
    INFO("known-failures.txt is not sorted");
    CHECK(std::is_sorted(known.begin(), known.end()));
  }
  {
    INFO("encrypted scenarios:\n" << joined(encryption));
    CHECK(encrypted >= 3);
    CHECK(encryption.empty());
  }
}

}  // namespace samlt::test::interop
