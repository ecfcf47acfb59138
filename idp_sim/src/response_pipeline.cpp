// SPDX-License-Identifier: Apache-2.0
#include "samlt/idp/response_pipeline.hpp"

#include "samlt/core/binding.hpp"
#include "samlt/idp/response_builder.hpp"

namespace samlt::idp {
namespace {

struct Resolved {
  const Mutator* mutator;
  const MutatorUse* use;
};

core::Result<void> apply_stage(Stage stage, const std::vector<Resolved>& resolved, Target target,
                               std::vector<std::string>& applied) {
  for (const auto& r : resolved) {
    if (r.mutator->stage != stage) {
      continue;
    }
    Target t{target.spec, target.doc,        target.form, r.use->params,     target.t0,
             target.tenant_id, target.credentials, target.xml, target.canary_url};
    if (auto done = r.mutator->apply(t); !done) {
      return core::fail(done.error().reason,
                        std::string(r.mutator->id) + ": " + done.error().detail);
    }
    applied.emplace_back(r.mutator->id);
  }
  return {};
}

}  // namespace

core::Result<PipelineOutput> run_response_pipeline(ResponseSpec spec,
                                                   std::span<const MutatorUse> mutators,
                                                   const std::optional<std::string>& relay_state,
                                                   const PipelineContext& context) {
  std::vector<Resolved> resolved;
  for (const auto& use : mutators) {
    const Mutator* mutator = find_mutator(use.id);
    if (mutator == nullptr) {
      return core::fail(core::Reason::control_unknown_mutator, "unknown mutator '" + use.id + "'");
    }
    resolved.push_back({mutator, &use});
  }
  PipelineOutput out;
  static const nlohmann::json k_no_params = nlohmann::json::object();
  Target base{spec,    nullptr, nullptr, k_no_params, context.t0, context.tenant_id, context.credentials,
              nullptr, context.canary_url};
  if (auto r = apply_stage(Stage::spec, resolved, base, out.mutators_applied); !r) {
    return core::fail(r.error());
  }
  core::XmlDoc doc = build_response(spec);
  base.doc = &doc;
  if (auto r = apply_stage(Stage::unsigned_xml, resolved, base, out.mutators_applied); !r) {
    return core::fail(r.error());
  }
  const bool encrypting = spec.encrypt_for.has_value();
  if (auto r = sign_assertion(doc, spec); !r) {
    return core::fail(r.error());
  }
  if (!encrypting) {
    if (auto r = sign_response_element(doc, spec); !r) {
      return core::fail(r.error());
    }
  }
  if (auto r = apply_stage(Stage::signed_xml, resolved, base, out.mutators_applied); !r) {
    return core::fail(r.error());
  }
  if (encrypting) {
    if (auto r = encrypt_response_assertion(doc, spec); !r) {
      return core::fail(r.error());
    }
  }
  if (auto r = apply_stage(Stage::encrypted, resolved, base, out.mutators_applied); !r) {
    return core::fail(r.error());
  }
  if (encrypting) {
    if (auto r = sign_response_element(doc, spec); !r) {
      return core::fail(r.error());
    }
  }
  out.xml = core::serialize(doc);
  base.doc = nullptr;
  base.xml = &out.xml;
  if (auto r = apply_stage(Stage::serialized, resolved, base, out.mutators_applied); !r) {
    return core::fail(r.error());
  }
  base.xml = nullptr;
  out.form = core::encode_post(core::MessageParameter::saml_response, out.xml, relay_state);
  base.doc = nullptr;
  base.form = &out.form;
  if (auto r = apply_stage(Stage::wire, resolved, base, out.mutators_applied); !r) {
    return core::fail(r.error());
  }
  out.spec = std::move(spec);
  return out;
}

}  // namespace samlt::idp
