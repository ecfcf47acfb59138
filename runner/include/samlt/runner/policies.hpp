// SPDX-License-Identifier: Apache-2.0
// The SP policy settings that scenarios consult (`if_policy`): one table with each setting's
// meaning and the value the runner assumes when a target does not state it. A target may declare
// them (its "policy") or publish them (its policy_url); the report header lists each value in
// force and where it came from.
#pragma once

#include "samlt/reports/report_model.hpp"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::runner {

enum class PolicyKind { boolean, number, choice };

struct PolicyKnob {
  std::string_view name;     // "clock_skew_seconds"
  PolicyKind kind;
  std::string_view assumed;  // the value when the target states none
  std::string_view values;   // what may be given: "true or false", "seconds", "sha1 or sha256"
  std::string_view meaning;  // one line for `idp_sim run --list-policies`
};

// Every setting, in table order. Thread-safe (a constant table).
std::span<const PolicyKnob> all_policies();

// The setting with this name, or nullptr.
const PolicyKnob* find_policy(std::string_view name);

// Whether `condition` (an if_policy value) is well formed for `knob`: a value it may take, or
// for a number a comparison "<N", "<=N", ">N", ">=N" (or "N" for equality). Empty when it is;
// otherwise what was expected.
std::string check_condition(const PolicyKnob& knob, std::string_view condition);

// Whether `value` (the setting in force) satisfies `condition`. REQUIRES: check_condition passed.
bool condition_holds(const PolicyKnob& knob, std::string_view condition, std::string_view value);

// The policy in force: every table setting, assumed unless `declared` (from the target file) or
// `fetched` (from its policy_url, which wins) states it, plus any fetched setting the table does
// not know (shown in the report, consulted by nothing). In table order, then the extras by name.
std::vector<reports::PolicySetting> effective_policy(const std::map<std::string, std::string>& declared,
                                                     const std::map<std::string, std::string>& fetched);

// name -> value of `settings`, for judging.
std::map<std::string, std::string> policy_values(const std::vector<reports::PolicySetting>& settings);

// The table as text: one block per setting (name, values, assumed value, meaning).
std::string policies_text();

}  // namespace samlt::runner
