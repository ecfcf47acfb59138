// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/scenario.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/json_reader.hpp"
#include "samlt/runner/needs.hpp"
#include "samlt/runner/policies.hpp"
#include "scenario_expect.hpp"

#include <algorithm>

namespace samlt::runner {
namespace {

using core::json::ObjectReader;
using core::json::child_pointer;
using core::json::config_fail;

std::vector<idp::MutatorUse> read_mutators(const nlohmann::json* list, const std::string& pointer,
                                           std::string_view source) {
  std::vector<idp::MutatorUse> out;
  if (list == nullptr) {
    return out;
  }
  if (!list->is_array()) {
    config_fail(source, pointer, "an array of mutator ids or {\"id\", \"params\"} objects");
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& item = (*list)[i];
    std::string at = child_pointer(pointer, i);
    idp::MutatorUse use;
    if (item.is_string()) {
      use.id = item.get<std::string>();
    } else {
      ObjectReader entry(item, at, source);
      use.id = entry.string("id");
      if (const auto* params = entry.find("params")) {
        if (!params->is_object()) {
          entry.fail("params", "an object");
        }
        use.params = *params;
      }
      entry.finish();
    }
    if (idp::find_mutator(use.id) == nullptr) {
      config_fail(source, item.is_string() ? at : child_pointer(at, "id"),
                  "one of " + idp::mutator_ids_joined());
    }
    out.push_back(std::move(use));
  }
  return out;
}

void read_idp_section(ObjectReader& top, Scenario& scenario, std::string_view source) {
  const nlohmann::json* idp_json = top.find("idp");
  if (idp_json == nullptr) {
    return;
  }
  ObjectReader idp(*idp_json, top.pointer("idp"), source);
  if (const auto* app = idp.find("app")) {
    if (!app->is_object()) {
      idp.fail("app", "an object with idp_sim apps[] keys");
    }
    scenario.app_overrides = *app;
  }
  scenario.mutators = read_mutators(idp.find("mutators"), idp.pointer("mutators"), source);
  if (idp.has("clock_offset_seconds")) {
    scenario.clock_offset_seconds = idp.integer_or("clock_offset_seconds", 0, -86400 * 30, 86400 * 30);
  }
  scenario.relay_state = idp.optional_string("relay_state");
  idp.finish();
}

std::vector<Step> read_steps(ObjectReader& top, std::string_view source) {
  std::vector<Step> steps;
  const nlohmann::json* list = top.find("steps");
  const nlohmann::json* shorthand = top.find("expect");
  if ((list == nullptr) == (shorthand == nullptr)) {
    config_fail(source, top.pointer("steps"), "either \"steps\" or \"expect\" (not both)");
  }
  if (shorthand != nullptr) {
    Step step;
    step.expectations = read_expectations(*shorthand, top.pointer("expect"), source);
    steps.push_back(std::move(step));
    return steps;
  }
  if (!list->is_array() || list->empty()) {
    config_fail(source, top.pointer("steps"), "a non-empty array of steps");
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader item((*list)[i], child_pointer(top.pointer("steps"), i), source);
    Step step;
    step.action = item.choice_or("action", {{"sign_in", StepAction::sign_in}, {"replay", StepAction::replay}},
                                 StepAction::sign_in);
    if (step.action == StepAction::replay && i == 0) {
      item.fail("action", "a sign_in step before the first replay");
    }
    if (item.has("browser")) {
      if (step.action != StepAction::replay) {
        item.fail("browser", "no browser choice on a sign_in step (it always uses the scenario's browser)");
      }
      step.same_browser = item.choice_or("browser", {{"same", true}, {"new", false}}, false);
    }
    const nlohmann::json* expect = item.find("expect");
    if (expect == nullptr) {
      item.fail("expect", "an expectation");
    }
    step.expectations = read_expectations(*expect, item.pointer("expect"), source);
    item.finish();
    steps.push_back(std::move(step));
  }
  return steps;
}

std::vector<Flow> read_flows(ObjectReader& top) {
  const nlohmann::json* list = top.find("flows");
  if (list == nullptr) {
    return {Flow::sp_initiated, Flow::idp_initiated};
  }
  if (!list->is_array() || list->empty()) {
    top.fail("flows", "a non-empty array of \"sp_initiated\" and \"idp_initiated\"");
  }
  std::vector<Flow> flows;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& item = (*list)[i];
    std::optional<Flow> flow;
    if (item == "sp_initiated") {
      flow = Flow::sp_initiated;
    } else if (item == "idp_initiated") {
      flow = Flow::idp_initiated;
    }
    if (!flow || std::find(flows.begin(), flows.end(), *flow) != flows.end()) {
      config_fail(top.source(), child_pointer(top.pointer("flows"), i),
                  "\"sp_initiated\" or \"idp_initiated\", each at most once");
    }
    flows.push_back(*flow);
  }
  return flows;
}

void add_need(Scenario& scenario, std::string_view id) {
  if (std::find(scenario.needs.begin(), scenario.needs.end(), id) == scenario.needs.end()) {
    scenario.needs.emplace_back(id);
  }
}

// Needs that follow from what the scenario does, so that no file has to remember them.
void infer_needs(Scenario& scenario) {
  const auto& app = scenario.app_overrides;
  if (app.contains("token_encryption") && app["token_encryption"].value("enabled", false)) {
    add_need(scenario, need::encryption_certificate);
  }
  for (const auto& step : scenario.steps) {
    for (const auto& candidate : step.expectations) {
      if (!candidate.expect.session.empty()) {
        add_need(scenario, need::session_attributes);
      }
      if (candidate.expect.no_fetch) {
        add_need(scenario, need::canary_reachable);
      }
    }
  }
}

}  // namespace

std::string_view flow_name(Flow flow) {
  return flow == Flow::idp_initiated ? "idp-initiated" : "sp-initiated";
}

std::string_view step_action_id(StepAction action) {
  return action == StepAction::replay ? "replay" : "sign_in";
}

namespace {

// The scenario's folder below the root: "entra", "security/xsw"; "scenarios" for a file at the
// root itself.
std::string suite_of(const std::filesystem::path& file, const std::filesystem::path& suite_root) {
  auto folder = file.parent_path().lexically_relative(suite_root);
  std::string suite = folder.generic_string();
  return suite.empty() || suite == "." || suite.rfind("..", 0) == 0 ? std::string("scenarios") : suite;
}

bool is_name(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool is_catalogue_id(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Scenario read_scenario(const nlohmann::json& json, const std::filesystem::path& file,
                       const std::filesystem::path& suite_root, const std::string& source, std::string variant) {
  ObjectReader top(json, "", source);
  Scenario scenario;
  scenario.file = file;
  scenario.suite = suite_of(file, suite_root);
  scenario.variant = std::move(variant);
  scenario.id = top.string("id");
  scenario.title = top.string("title");
  scenario.tags = top.strings("tags");
  scenario.spec_ref = top.string_or("spec_ref", "");
  scenario.seed = top.string_or("seed", "");
  if (scenario.spec_ref.empty() && scenario.seed.empty()) {
    top.fail("spec_ref", "the spec clause (\"spec_ref\") or the seed (\"seed\") the scenario comes from");
  }
  scenario.catalogue = top.string_or("catalogue", "");
  if (!scenario.catalogue.empty() && !is_catalogue_id(scenario.catalogue)) {
    top.fail("catalogue", "an attack-catalogue case id of docs/attack-catalogue.tsv (\"XSW-1\")");
  }
  if (top.has("flow")) {
    top.fail("flow", "\"flows\": the list of flows the scenario is valid in (\"flow\" was replaced)");
  }
  scenario.flows = read_flows(top);
  auto needs = top.strings("needs");
  for (std::size_t i = 0; i < needs.size(); ++i) {
    if (find_need(needs[i]) == nullptr) {
      config_fail(source, child_pointer(top.pointer("needs"), i), "one of " + need_ids_joined());
    }
    add_need(scenario, needs[i]);
  }
  scenario.user = top.string("user");
  read_idp_section(top, scenario, source);
  scenario.steps = read_steps(top, source);
  top.finish();
  infer_needs(scenario);
  return scenario;
}

// A file with "variants" becomes one scenario per variant: the variant (all but its name and
// title) merged over the rest of the file (RFC 7396: objects merge, arrays such as the mutator
// list are replaced), its id "<id>/<name>".
std::vector<nlohmann::json> expand_variants(nlohmann::json json, const std::string& source,
                                            std::vector<std::string>& names) {
  if (!json.is_object() || !json.contains("variants")) {
    names.emplace_back();
    return {std::move(json)};
  }
  nlohmann::json variants = json["variants"];
  json.erase("variants");
  if (!variants.is_array() || variants.empty()) {
    config_fail(source, "/variants", "a non-empty array of {\"name\", …} objects");
  }
  std::vector<nlohmann::json> out;
  for (std::size_t i = 0; i < variants.size(); ++i) {
    std::string at = child_pointer("/variants", i);
    const auto& variant = variants[i];
    if (!variant.is_object() || !variant.contains("name") || !variant["name"].is_string() ||
        !is_name(variant["name"].get<std::string>())) {
      config_fail(source, at + "/name", "a variant name of lower-case letters, digits, '-', '_' and '.'");
    }
    std::string name = variant["name"].get<std::string>();
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      config_fail(source, at + "/name", "a name no other variant of this file has");
    }
    nlohmann::json merged = json;
    nlohmann::json patch = variant;
    patch.erase("name");
    std::string title = patch.contains("title") && patch["title"].is_string() ? patch["title"].get<std::string>() : name;
    patch.erase("title");
    if (patch.contains("expect") || patch.contains("steps")) {
      merged.erase("expect");  // a variant's expectation replaces the file's, in either form
      merged.erase("steps");
    }
    merged.merge_patch(patch);
    merged["id"] = json.value("id", std::string()) + "/" + name;
    merged["title"] = json.value("title", std::string()) + " (" + title + ")";
    names.push_back(std::move(name));
    out.push_back(std::move(merged));
  }
  return out;
}

}  // namespace

std::vector<Scenario> load_scenario_file(const std::filesystem::path& file, const std::filesystem::path& suite_root) {
  std::string source = file.string();
  std::vector<std::string> names;
  auto documents = expand_variants(core::json::read_json_file(file), source, names);
  std::vector<Scenario> scenarios;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    std::string where = names[i].empty() ? source : source + " (variant " + names[i] + ")";
    scenarios.push_back(read_scenario(documents[i], file, suite_root, where, names[i]));
  }
  return scenarios;
}

Scenario load_scenario(const std::filesystem::path& file, const std::filesystem::path& suite_root) {
  auto scenarios = load_scenario_file(file, suite_root);
  if (scenarios.size() != 1) {
    throw core::Fatal(file.string() + ": /variants: one scenario (this file declares " +
                      std::to_string(scenarios.size()) + " variants)");
  }
  return std::move(scenarios.front());
}

const Expectation& expectation_for(const Step& step, const std::map<std::string, std::string>& policy) {
  for (const auto& candidate : step.expectations) {
    bool holds = true;
    for (const auto& [name, condition] : candidate.if_policy) {
      auto found = policy.find(name);
      const PolicyKnob* knob = find_policy(name);
      holds = holds && found != policy.end() && knob != nullptr && condition_holds(*knob, condition, found->second);
    }
    if (holds) {
      return candidate.expect;
    }
  }
  return step.expectations.back().expect;  // REQUIRES (load_scenario): the last is unconditional
}

}  // namespace samlt::runner
