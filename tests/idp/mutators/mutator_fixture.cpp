// SPDX-License-Identifier: Apache-2.0
#include "mutators/mutator_fixture.hpp"

#include "idp_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "sign_in.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

namespace samlt::test::idp {
namespace {

namespace n = core::names;

bool is_signature(const xmlNode* node) {
  return core::is_element(node, n::ns_dsig, "Signature");
}

std::vector<xmlNode*> content_children(const xmlNode* node) {
  std::vector<xmlNode*> out;
  for (xmlNode* child : core::element_children(node)) {
    if (!is_signature(child)) {
      out.push_back(child);
    }
  }
  return out;
}

std::map<std::string, std::string> attributes(const xmlNode* node) {
  std::map<std::string, std::string> out;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    std::string name(reinterpret_cast<const char*>(a->name));
    out[name] = core::attribute(node, name).value_or("");
  }
  return out;
}

void walk(const xmlNode* a, const xmlNode* b, const std::string& path,
          std::vector<std::string>& out) {
  if (core::local_name(a) != core::local_name(b) ||
      core::namespace_uri(a) != core::namespace_uri(b)) {
    out.push_back(path + ": element");
    return;
  }
  auto aa = attributes(a);
  auto ba = attributes(b);
  std::set<std::string> names;
  for (const auto& [k, v] : aa)
    names.insert(k);
  for (const auto& [k, v] : ba)
    names.insert(k);
  for (const auto& name : names) {
    if (aa.count(name) != ba.count(name) || aa[name] != ba[name]) {
      out.push_back(path + ": @" + name);
    }
  }
  if ((core::child_named(a, n::ns_dsig, "Signature") != nullptr) !=
      (core::child_named(b, n::ns_dsig, "Signature") != nullptr)) {
    out.push_back(path + ": Signature");
  }
  auto ac = content_children(a);
  auto bc = content_children(b);
  if (ac.empty() && bc.empty()) {
    if (core::simple_text(a) != core::simple_text(b)) {
      out.push_back(path + ": text");
    }
    return;
  }
  if (ac.size() != bc.size()) {
    out.push_back(path + ": children");
  }
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < std::min(ac.size(), bc.size()); ++i) {
    std::string name(core::local_name(ac[i]));
    int index = ++seen[name];
    walk(ac[i], bc[i], path + "/" + name + (index > 1 ? "[" + std::to_string(index) + "]" : ""),
         out);
  }
}

samlt::idp::PipelineOutput run(const samlt::idp::ResponseSpec& spec,
                               std::vector<samlt::idp::MutatorUse> uses) {
  const auto& idp = default_idp();
  auto out = samlt::idp::run_response_pipeline(spec, uses, std::string("relay"),
                                               {now(), idp.tenant_id(), idp.config().credentials});
  if (!out) {
    FAIL(std::string(core::id(out.error().reason)) + ": " + out.error().detail);
  }
  return std::move(*out);
}

}  // namespace

std::vector<std::string> differences(const xmlNode* a, const xmlNode* b) {
  std::vector<std::string> out;
  walk(a, b, std::string(core::local_name(a)), out);
  return out;
}

samlt::idp::ResponseSpec baseline_spec(const nlohmann::json& app_overrides) {
  const auto& idp = default_idp();
  auto app = idp.app_with_overrides(idp.config().apps.front(), app_overrides);
  REQUIRE(app);
  samlt::idp::SignInContext context;
  context.app = *app;
  context.acs_url = k_acs;
  context.request_id = "_req-0001";
  context.audience = k_entity_id;
  samlt::idp::SessionFacts session{now() - std::chrono::hours(1), samlt::idp::AuthMethod::password};
  auto spec = samlt::idp::make_response_spec(idp, context, *idp.find_user(k_alex), session, now());
  REQUIRE(spec);
  return *spec;
}

Mutation mutate(std::string_view id, const nlohmann::json& params,
                const nlohmann::json& app_overrides) {
  REQUIRE(samlt::idp::find_mutator(id) != nullptr);
  auto spec = baseline_spec(app_overrides);
  Mutation m;
  m.base = run(spec, {});
  m.mutated = run(spec, {{std::string(id), params}});
  REQUIRE(m.mutated.mutators_applied == std::vector<std::string>{std::string(id)});
  m.base_doc = parse(m.base.xml);
  m.mutated_doc = parse(m.mutated.xml);
  m.differences = differences(m.base_doc.root(), m.mutated_doc.root());
  return m;
}

RawMutation mutate_raw(const std::vector<samlt::idp::MutatorUse>& uses,
                       const nlohmann::json& app_overrides) {
  auto spec = baseline_spec(app_overrides);
  RawMutation m;
  m.base = run(spec, {});
  m.mutated = run(spec, uses);
  REQUIRE(m.mutated.mutators_applied.size() == uses.size());
  return m;
}

core::Error mutate_error(std::string_view id, const nlohmann::json& params,
                         const nlohmann::json& app_overrides) {
  const auto& idp = default_idp();
  std::vector<samlt::idp::MutatorUse> uses{{std::string(id), params}};
  auto out = samlt::idp::run_response_pipeline(baseline_spec(app_overrides), uses, std::nullopt,
                                               {now(), idp.tenant_id(), idp.config().credentials});
  REQUIRE_FALSE(out);
  return out.error();
}

}  // namespace samlt::test::idp
