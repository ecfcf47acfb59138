// SPDX-License-Identifier: Apache-2.0
// One mutator against the unmutated Response built from the same ResponseSpec and clock: the
// tests assert that exactly the claimed difference appears and nothing else.
#pragma once

#include "samlt/core/xml.hpp"
#include "samlt/idp/response_pipeline.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace samlt::test::idp {

struct Mutation {
  samlt::idp::PipelineOutput base;
  samlt::idp::PipelineOutput mutated;
  core::XmlDoc base_doc;
  core::XmlDoc mutated_doc;
  // Where the two documents differ, Signature contents excluded: "Response/Assertion/Issuer: text",
  // ".../Conditions: @NotOnOrAfter", ".../Assertion: Signature" (present in one only),
  // ".../AttributeStatement: children" (different element children).
  std::vector<std::string> differences;
};

// The baseline ResponseSpec: SP-initiated, reference app (with `app_overrides`), user alex.
samlt::idp::ResponseSpec baseline_spec(const nlohmann::json& app_overrides = {});

// Runs the pipeline on the same spec without and with mutator `id`. REQUIREs both to succeed.
Mutation mutate(std::string_view id, const nlohmann::json& params = nlohmann::json::object(),
                const nlohmann::json& app_overrides = {});

// The pipeline's outputs without and with `uses` (several mutators, in order), not parsed: for
// serialized-stage mutators whose bytes are no longer (well-formed) XML. REQUIREs both to succeed.
struct RawMutation {
  samlt::idp::PipelineOutput base;
  samlt::idp::PipelineOutput mutated;
};
RawMutation mutate_raw(const std::vector<samlt::idp::MutatorUse>& uses,
                       const nlohmann::json& app_overrides = {});

// The pipeline's failure for `id` (REQUIREs it to fail).
core::Error mutate_error(std::string_view id, const nlohmann::json& params,
                         const nlohmann::json& app_overrides = {});

// Every difference between two element trees (see Mutation::differences).
std::vector<std::string> differences(const xmlNode* a, const xmlNode* b);

}  // namespace samlt::test::idp
