// SPDX-License-Identifier: Apache-2.0
#include "step_verdict.hpp"

#include "samlt/core/reason_family.hpp"

#include <regex>

namespace samlt::runner {
namespace {

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// Session values: each JSON pointer must exist in the session page and equal the expected text.
std::string session_mismatches(const Expectation& expected, const Judgement& judged) {
  std::string problems;
  for (const auto& [pointer, want] : expected.session) {
    nlohmann::json::json_pointer at(pointer);
    if (!judged.session_page->contains(at)) {
      problems += "; session page has no " + pointer;
    } else if (text_of(judged.session_page->at(at)) != want) {
      problems += "; " + pointer + " is '" + text_of(judged.session_page->at(at)) + "', expected '" + want + "'";
    }
  }
  return problems;
}

// A safe acceptance: the session's NameID and email (those the page shows) are the attacker's.
// Empty when they are; otherwise what differs.
std::string foreign_identity(const nlohmann::json& page, const StepFacts& facts) {
  std::string problems;
  bool compared = false;
  for (auto [pointer, want] : {std::pair{"/name_id", &facts.attacker_name_id}, {"/email", &facts.attacker_email}}) {
    nlohmann::json::json_pointer at(pointer);
    if (want->empty() || !page.contains(at)) {
      continue;
    }
    compared = true;
    if (text_of(page.at(at)) != *want) {
      problems += "; " + std::string(pointer) + " is '" + text_of(page.at(at)) + "', the attacker's is '" + *want + "'";
    }
  }
  return compared || !problems.empty() ? problems : "; the session page shows neither /name_id nor /email";
}

}  // namespace

void judge_step(const Expectation& expected, const Judgement& judged, const Target& target, const StepFacts& facts,
                reports::StepResult& outcome) {
  const auto& observed = judged.observed;
  std::string headline = "expected " + reports::describe(outcome.expected) + ", got " + reports::describe(observed);
  auto fail = [&](const char* code, std::string message) {
    outcome.status = reports::Status::failed;
    outcome.code = code;
    outcome.message = std::move(message);
  };
  if (expected.no_fetch && facts.canary_hits > 0) {
    return fail(step_code::canary_fetched, headline + "; the SP fetched the canary URL planted in the message (" +
                                               std::to_string(facts.canary_hits) + " requests)");
  }
  if (expected.grade == reports::Grade::ungraded) {
    outcome.status = reports::Status::skipped;
    outcome.code = step_code::policy_ungraded;
    outcome.message = "not graded: the right answer depends on a policy the target does not state (see the "
                      "scenario's if_policy); the SP answered " + reports::describe(observed);
    return;
  }
  std::string notes;
  if (expected.grade == reports::Grade::safe && observed.outcome == reports::Outcome::accept) {
    if (!judged.session_page) {
      return fail(step_code::safe_unverified,
                  headline + "; accepted, and without a JSON session probe the runner cannot show that the session "
                             "is the attacker's own");
    }
    if (auto foreign = foreign_identity(*judged.session_page, facts); !foreign.empty()) {
      return fail(step_code::safe_violated, headline + "; accepted as someone else" + foreign);
    }
    if (auto mismatches = session_mismatches(expected, judged); !mismatches.empty()) {
      return fail(step_code::safe_violated, headline + "; accepted, but not as the attacker's own principal" + mismatches);
    }
    outcome.status = reports::Status::passed;
    outcome.message = reports::describe(observed) + "; accepted as exactly the attacker's own identity (safe)";
    return;
  }
  if (observed.outcome != expected.outcome) {
    return fail(step_code::outcome_mismatch, headline + " — " + observed.detail);
  }
  std::string problems;
  auto problem = [&](const char* code, const std::string& text) {
    if (outcome.code.empty()) {
      outcome.code = code;
    }
    problems += text;
  };
  if (expected.reason || expected.family) {
    if (!observed.reason) {
      notes += "; reason not checked (the target exposes no verdict)";
    } else if (expected.reason ? *observed.reason != *expected.reason
                               : !core::in_families(*expected.family, *observed.reason)) {
      problem(step_code::reason_mismatch, "; right outcome for the wrong reason");
    }
  }
  if (expected.outcome == reports::Outcome::accept) {
    if (!expected.session.empty()) {
      if (judged.session_page) {
        if (auto mismatches = session_mismatches(expected, judged); !mismatches.empty()) {
          problem(step_code::session_mismatch, mismatches);
        }
      } else {
        notes += "; session values not checked (no JSON session probe in " + target.file.filename().string() + ")";
      }
    }
    if (expected.redirect && !std::regex_search(judged.final_url, make_pattern(*expected.redirect))) {
      problem(step_code::redirect_mismatch,
              "; final URL '" + judged.final_url + "' does not match /" + *expected.redirect + "/");
    }
  }
  if (problems.empty() && !facts.distinguishable.empty()) {
    problem(step_code::oracle_distinguishable, "; every probe was rejected, but the answers tell them apart: " +
                                                   facts.distinguishable);
  }
  outcome.status = problems.empty() ? reports::Status::passed : reports::Status::failed;
  outcome.message = (problems.empty() ? reports::describe(observed) : headline + problems) + notes;
}

void summarize_steps(reports::ScenarioResult& result) {
  auto rank = [](reports::Status status) {
    switch (status) {
      case reports::Status::error: return 3;
      case reports::Status::failed: return 2;
      case reports::Status::skipped: return 1;
      case reports::Status::passed: return 0;
    }
    return 3;
  };
  result.status = reports::Status::passed;
  const reports::StepResult* worst = result.steps.empty() ? nullptr : &result.steps.back();
  for (const auto& step : result.steps) {
    if (rank(step.status) > rank(result.status)) {
      result.status = step.status;
      worst = &step;
    }
  }
  if (worst != nullptr) {
    result.expected = worst->expected;
    result.observed = worst->observed;
    result.code = result.status == reports::Status::passed ? std::string() : worst->code;
    result.message = worst->name + ": " + worst->message;
  } else {
    result.status = reports::Status::error;
    result.code = step_code::run_error;
    result.message = "no step ran";
  }
}

Expectation expectation_in_flow(const Step& step, Flow flow, const std::map<std::string, std::string>& policy) {
  const Expectation& chosen = expectation_for(step, policy);
  auto unsolicited = policy.find("allow_unsolicited");
  if (flow != Flow::idp_initiated || unsolicited == policy.end() || unsolicited->second != "false") {
    return chosen;
  }
  for (const auto& candidate : step.expectations) {
    if (candidate.if_policy.contains("allow_unsolicited")) {
      return chosen;
    }
  }
  Expectation rejection;
  rejection.outcome = reports::Outcome::reject;
  return rejection;
}

}  // namespace samlt::runner
