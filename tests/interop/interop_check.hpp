// SPDX-License-Identifier: Apache-2.0
// The interop check of one third-party SP: the whole bundled suite through the runner, every
// verdict judged again from the SP's own answers and log by rules written for that SP, compared
// with the runner's judgement and with the reviewed oracle kept beside the SP's start script.
#pragma once

#include "interop_sp.hpp"
#include "sp_text.hpp"
#include "suite_report.hpp"

#include <string>
#include <vector>

namespace samlt::test::interop {

// What the SP itself did with one posted Response, from its answer and its log.
struct SpVerdict {
  std::string outcome;   // "accept" or "reject"; empty when the SP's answer fits neither rule
  std::string text;      // on a rejection: the SP's own error text (page or log), tidied
  std::string evidence;  // what the rule saw, for failure messages
};

struct StepContext {
  const ResultRun& result;
  const StepRun& step;
  const InteropSp& sp;
  const std::string& logs;  // read_logs(sp.logs()) after the run
};

// One interop SP: where it lives and the rules that read its answers.
struct Stack {
  const char* impl;     // tests/interop/<impl>/
  const char* example;  // scenarios/targets/examples/<example>
  SpVerdict (*verdict)(const StepContext&);
  // For an accepted encrypted scenario: empty when the SP's log or session shows that it decrypted
  // the assertion with its own key, else what is missing.
  std::string (*decrypted_with_own_key)(const StepContext&);
};

// Starts the SP, runs every bundled scenario in every flow against it and checks, for the files
// tests/interop/<impl>/expected-verdicts.tsv and known-failures.txt:
// - no result is an error and none is skipped (the target offers every need), but for the needs
//   tests/interop/<impl>/needs-not-offered.txt lists with why (each must be needed by some result);
// - tests/interop/not-judged.txt lists scenarios no SP's rules can judge yet: they are left out;
// - each step's verdict by `stack.verdict` is the runner's observed outcome, and with the SP's
//   error text is what expected-verdicts.tsv lists for that result (and it lists every result);
// - the failed results are exactly known-failures.txt;
// - every entra/encrypted-* result was encrypted to the SP's own certificate and accepted, and
//   `stack.decrypted_with_own_key` finds the SP's proof.
// On a difference it writes the actual table beside the build (interop-runs/<impl>/) and prints it.
void check_interop_suite(const Stack& stack);

// tests/interop/<impl>/takes-sp-down.txt: the scenario ids that take that SP down (none when the
// file is absent). A run over several SPs leaves them out, so one SP going down costs no other result.
std::vector<std::string> scenarios_taking_sp_down(const std::string& impl);

// tests/interop/<impl>/ties-up-sp.txt: the scenario ids whose request the SP never finishes, so
// that it holds one of the SP's workers for good (none when the file is absent). They run after
// the suite, one at a time against a fresh SP, and a run over several SPs leaves them out.
std::vector<std::string> scenarios_tying_up_sp(const std::string& impl);

}  // namespace samlt::test::interop
