// SPDX-License-Identifier: Apache-2.0
#include "step_verdict.hpp"

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

}  // namespace

void judge_step(const Expectation& expected, const Judgement& judged, const Target& target,
                reports::StepResult& outcome) {
  const auto& observed = judged.observed;
  std::string headline = "expected " + reports::describe(outcome.expected) + ", got " + reports::describe(observed);
  if (observed.outcome != expected.outcome) {
    outcome.status = reports::Status::failed;
    outcome.code = step_code::outcome_mismatch;
    outcome.message = headline + " — " + observed.detail;
    return;
  }
  std::string notes;
  std::string problems;
  auto problem = [&](const char* code, const std::string& text) {
    if (outcome.code.empty()) {
      outcome.code = code;
    }
    problems += text;
  };
  if (expected.reason) {
    if (!observed.reason) {
      notes += "; reason not checked (the target exposes no verdict)";
    } else if (*observed.reason != *expected.reason) {
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
  outcome.status = problems.empty() ? reports::Status::passed : reports::Status::failed;
  outcome.message = (problems.empty() ? reports::describe(observed) : headline + problems) + notes;
}

void summarize_steps(reports::ScenarioResult& result) {
  result.status = reports::Status::passed;
  const reports::StepResult* worst = result.steps.empty() ? nullptr : &result.steps.back();
  for (const auto& step : result.steps) {
    if (step.status == reports::Status::error ||
        (step.status == reports::Status::failed && result.status == reports::Status::passed)) {
      result.status = step.status;
      worst = &step;
      if (step.status == reports::Status::error) {
        break;
      }
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

}  // namespace samlt::runner
