// SPDX-License-Identifier: Apache-2.0
#include "scenario_expect.hpp"

#include "samlt/core/json_reader.hpp"
#include "samlt/core/reason.hpp"
#include "samlt/core/reason_family.hpp"
#include "samlt/runner/policies.hpp"
#include "samlt/runner/target.hpp"

#include <regex>

namespace samlt::runner {
namespace {

using core::json::ObjectReader;
using core::json::child_pointer;
using core::json::config_fail;

std::map<std::string, std::string> read_string_map(ObjectReader& reader, std::string_view key,
                                                   bool keys_are_pointers) {
  std::map<std::string, std::string> out;
  const nlohmann::json* value = reader.find(key);
  if (value == nullptr) {
    return out;
  }
  if (!value->is_object()) {
    reader.fail(key, "an object of string values");
  }
  for (const auto& [name, item] : value->items()) {
    if (!item.is_string() && !item.is_boolean() && !item.is_number()) {
      config_fail(reader.source(), child_pointer(reader.pointer(key), name), "a string, number or boolean");
    }
    if (keys_are_pointers && (name.empty() || name[0] != '/')) {
      config_fail(reader.source(), child_pointer(reader.pointer(key), name),
                  "a key that is a JSON pointer into the session page (\"/account/email\")");
    }
    out[name] = item.is_string() ? item.get<std::string>() : item.dump();
  }
  return out;
}

ConditionalExpectation read_one(const nlohmann::json& json, const std::string& pointer, std::string_view source) {
  ObjectReader reader(json, pointer, source);
  ConditionalExpectation out;
  out.if_policy = read_string_map(reader, "if_policy", false);
  for (const auto& [name, condition] : out.if_policy) {
    std::string at = child_pointer(reader.pointer("if_policy"), name);
    const PolicyKnob* knob = find_policy(name);
    if (knob == nullptr) {
      config_fail(source, at, "a policy setting of `idp_sim run --list-policies`");
    }
    if (auto expected = check_condition(*knob, condition); !expected.empty()) {
      config_fail(source, at, expected);
    }
  }
  Expectation& expect = out.expect;
  // docs/attack-catalogue.md, "Outcomes": safe and policy are the catalogue's SAFE and POLICY.
  enum class Word { accept, reject, safe, policy, none };
  Word word = reader.choice_or("outcome",
                               {{"accept", Word::accept}, {"reject", Word::reject}, {"safe", Word::safe},
                                {"policy", Word::policy}},
                               Word::none);
  if (word == Word::none) {
    reader.fail("outcome", "\"accept\", \"reject\", \"safe\" or \"policy\"");
  }
  expect.outcome = word == Word::accept ? reports::Outcome::accept
                   : word == Word::policy ? reports::Outcome::none
                                          : reports::Outcome::reject;
  expect.grade = word == Word::safe     ? reports::Grade::safe
                 : word == Word::policy ? reports::Grade::ungraded
                                        : reports::Grade::exact;
  if (auto reason = reader.optional_string("reason")) {
    if (!core::parse_reason(*reason)) {
      reader.fail("reason", "a reason id from core/include/samlt/core/reasons.def");
    }
    expect.reason = std::move(reason);
  }
  if (auto family = reader.optional_string("family")) {
    if (auto unknown = core::unknown_family(*family); !unknown.empty()) {
      reader.fail("family", "reason families joined by '/' from " + core::reason_family_ids_joined() +
                                " (not " + unknown + ")");
    }
    if (expect.reason) {
      reader.fail("family", "a reason or a family, not both");
    }
    expect.family = std::move(family);
  }
  expect.no_fetch = reader.boolean_or("no_fetch", false);
  if ((expect.reason || expect.family) && word != Word::reject && word != Word::safe) {
    reader.fail(expect.reason ? "reason" : "family", "a reason only on a rejection (\"reject\" or \"safe\")");
  }
  expect.session = read_string_map(reader, "session", true);
  if (auto redirect = reader.optional_string("redirect")) {
    try {
      make_pattern(*redirect);
    } catch (const std::regex_error&) {
      reader.fail("redirect", "a valid regular expression");
    }
    expect.redirect = std::move(redirect);
  }
  // On "safe", session values say what "the attacker's own identity" is when the SP accepts (the
  // issuer that scopes it, ACCT-CROSS-IDP).
  if (expect.redirect && word != Word::accept) {
    reader.fail("redirect", "no redirect check unless the outcome is \"accept\"");
  }
  if (!expect.session.empty() && word != Word::accept && word != Word::safe) {
    reader.fail("session", "no session checks unless the outcome is \"accept\" or \"safe\"");
  }
  reader.finish();
  return out;
}

}  // namespace

std::vector<ConditionalExpectation> read_expectations(const nlohmann::json& json, const std::string& pointer,
                                                      std::string_view source) {
  std::vector<ConditionalExpectation> out;
  if (json.is_object()) {
    out.push_back(read_one(json, pointer, source));
  } else if (json.is_array() && !json.empty()) {
    for (std::size_t i = 0; i < json.size(); ++i) {
      out.push_back(read_one(json[i], child_pointer(pointer, i), source));
    }
  } else {
    config_fail(source, pointer, "an expectation object or a non-empty array of them");
  }
  if (!out.back().if_policy.empty()) {
    config_fail(source, json.is_array() ? child_pointer(pointer, json.size() - 1) + "/if_policy" : pointer + "/if_policy",
                "no condition on the last expectation (it applies when no other does)");
  }
  return out;
}

}  // namespace samlt::runner
