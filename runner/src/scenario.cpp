// SPDX-License-Identifier: Apache-2.0
#include "samlt/runner/scenario.hpp"

#include "samlt/core/fs.hpp"
#include "samlt/core/json_reader.hpp"
#include "samlt/idp/metadata.hpp"
#include "samlt/runner/needs.hpp"
#include "samlt/runner/policies.hpp"
#include "scenario_expect.hpp"

#include <algorithm>

namespace samlt::runner {
namespace {

using core::json::ObjectReader;
using core::json::child_pointer;
using core::json::config_fail;

// The mutators of one list: those of the Response (all_mutators) or, for an idp_logout step,
// those of a Redirect message (redirect_mutators), or for a refresh_metadata step those of the
// metadata document (metadata_document_mutators).
enum class MutatorTable { response, redirect, metadata };

// "a, b, c": the ids of a mutator table, for error messages that say what was expected.
template <class Table>
std::string ids_joined(const Table& table) {
  std::string out;
  for (const auto& mutator : table) {
    out += (out.empty() ? "" : ", ") + std::string(mutator.id);
  }
  return out;
}

std::vector<idp::MutatorUse> read_mutators(const nlohmann::json* list, const std::string& pointer,
                                           std::string_view source, MutatorTable table = MutatorTable::response) {
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
    if (table == MutatorTable::response && idp::find_mutator(use.id) == nullptr) {
      config_fail(source, item.is_string() ? at : child_pointer(at, "id"), "one of " + idp::mutator_ids_joined());
    }
    if (table == MutatorTable::redirect && idp::find_redirect_mutator(use.id) == nullptr) {
      config_fail(source, item.is_string() ? at : child_pointer(at, "id"),
                  "a Redirect-message mutator: one of " + ids_joined(idp::redirect_mutators()));
    }
    if (table == MutatorTable::metadata && idp::find_metadata_mutator(use.id) == nullptr) {
      config_fail(source, item.is_string() ? at : child_pointer(at, "id"),
                  "a metadata mutator: one of " + ids_joined(idp::metadata_document_mutators()));
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
  bool signed_in = false;
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader item((*list)[i], child_pointer(top.pointer("steps"), i), source);
    Step step;
    step.action = item.choice_or(
        "action",
        {{"sign_in", StepAction::sign_in},
         {"replay", StepAction::replay},
         {"answer_again", StepAction::answer_again},
         {"idp_logout", StepAction::idp_logout},
         {"refresh_metadata", StepAction::refresh_metadata},
         {"probe_oracle", StepAction::probe_oracle}},
        StepAction::sign_in);
    bool follows_sign_in = step.action == StepAction::replay || step.action == StepAction::answer_again ||
                           step.action == StepAction::idp_logout;
    if (follows_sign_in && !signed_in) {
      item.fail("action", "a sign_in step before the first replay, answer_again or idp_logout");
    }
    signed_in = signed_in || step.action == StepAction::sign_in;
    if (step.action == StepAction::refresh_metadata) {
      step.metadata_mutators = read_mutators(item.find("mutators"), item.pointer("mutators"), source,
                                             MutatorTable::metadata);
      step.metadata_source = item.choice_or("source", {{"document", MetadataSource::document}, {"url", MetadataSource::url}},
                                            MetadataSource::document);
    }
    if (item.has("binding")) {
      if (step.action != StepAction::sign_in) {
        item.fail("binding", "no binding choice here: only a sign_in step delivers a Response");
      }
      step.delivery = item.choice_or(
          "binding",
          {{"post", Delivery::post}, {"redirect", Delivery::redirect}, {"redirect_unsigned", Delivery::redirect_unsigned}},
          Delivery::post);
    }
    if (step.action == StepAction::idp_logout) {
      step.redirect_mutators = read_mutators(item.find("mutators"), item.pointer("mutators"), source,
                                             MutatorTable::redirect);
      step.relay_state = item.optional_string("relay_state");
      if (item.has("hex_case")) {
        step.hex_case = item.choice_or("hex_case", {{"lower", core::HexCase::lower}, {"upper", core::HexCase::upper}},
                                       core::HexCase::lower);
      }
    }
    if (step.action == StepAction::probe_oracle) {
      const nlohmann::json* probes = item.find("probes");
      if (probes == nullptr || !probes->is_array() || probes->size() < 2) {
        item.fail("probes", "an array of two or more {\"name\", \"mutators\"} objects");
      }
      for (std::size_t p = 0; p < probes->size(); ++p) {
        ObjectReader probe((*probes)[p], child_pointer(item.pointer("probes"), p), source);
        OracleProbe read{probe.string("name"), read_mutators(probe.find("mutators"), probe.pointer("mutators"), source)};
        for (const auto& other : step.probes) {
          if (other.name == read.name) {
            probe.fail("name", "a name no other probe of this step has");
          }
        }
        probe.finish();
        step.probes.push_back(std::move(read));
      }
      step.rounds = static_cast<int>(item.integer_or("rounds", step.rounds, 1, 50));
    }
    if (item.has("after")) {
      if (step.action != StepAction::replay) {
        item.fail("after", "\"sp_restart\" only on a replay step");
      }
      step.after_sp_restart = item.choice_or("after", {{"sp_restart", true}}, false);
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
    if (step.action == StepAction::probe_oracle) {
      for (const auto& candidate : step.expectations) {
        if (candidate.expect.outcome != reports::Outcome::reject || candidate.expect.grade != reports::Grade::exact) {
          item.fail("expect", "reject (every probe refused alike), with a reason or family if one is graded");
        }
      }
    }
    if (step.action == StepAction::idp_logout || step.action == StepAction::refresh_metadata) {
      for (const auto& candidate : step.expectations) {
        const Expectation& e = candidate.expect;
        if ((e.outcome != reports::Outcome::accept && e.outcome != reports::Outcome::reject) ||
            e.grade != reports::Grade::exact || !e.session.empty() ||
            e.redirect) {
          item.fail("expect", step.action == StepAction::idp_logout
                                  ? "accept (the session ended) or reject (it survived), without session or redirect checks"
                                  : "accept (the SP took the metadata) or reject (it refused it), without session or "
                                    "redirect checks");
        }
      }
    }
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
    if (app["token_encryption"].value("certificate", "") == "target-encryption-next") {  // target_app.hpp
      add_need(scenario, need::encryption_rollover);
    }
  }
  for (const auto& step : scenario.steps) {
    if (step.action == StepAction::idp_logout) {
      add_need(scenario, need::single_logout);
    }
    if (step.after_sp_restart) {
      add_need(scenario, need::sp_restart);
    }
    if (step.action == StepAction::refresh_metadata) {
      add_need(scenario, need::metadata_refresh);
      if (step.metadata_source == MetadataSource::url) {
        add_need(scenario, need::canary_reachable);  // the runner serves the document on loopback
      }
    }
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
  switch (action) {
    case StepAction::replay:
      return "replay";
    case StepAction::answer_again:
      return "answer_again";
    case StepAction::idp_logout:
      return "idp_logout";
    case StepAction::refresh_metadata:
      return "refresh_metadata";
    case StepAction::probe_oracle:
      return "probe_oracle";
    case StepAction::sign_in:
      break;
  }
  return "sign_in";
}

bool changes_sp_trust(const Scenario& scenario) {
  return std::any_of(scenario.steps.begin(), scenario.steps.end(),
                     [](const Step& step) { return step.action == StepAction::refresh_metadata; });
}

bool runs_alone(const Scenario& scenario) {
  return changes_sp_trust(scenario) || std::any_of(scenario.steps.begin(), scenario.steps.end(),
                                                   [](const Step& step) { return step.after_sp_restart; });
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
  if (const nlohmann::json* user = top.find("user"); user != nullptr && user->is_object()) {
    auto entry = idp::user_from_json(*user, top.pointer("user"), source);
    if (!entry) {
      throw core::Fatal(entry.error().detail);
    }
    scenario.directory_user = std::move(*entry);
    scenario.user = scenario.directory_user->user_principal_name;
  } else {
    scenario.user = top.string("user");
  }
  read_idp_section(top, scenario, source);
  scenario.steps = read_steps(top, source);
  bool answers_again = std::any_of(scenario.steps.begin(), scenario.steps.end(),
                                   [](const Step& step) { return step.action == StepAction::answer_again; });
  if (answers_again && std::find(scenario.flows.begin(), scenario.flows.end(), Flow::idp_initiated) != scenario.flows.end()) {
    top.fail("flows", "[\"sp_initiated\"]: an answer_again step answers the SP's AuthnRequest again");
  }
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
