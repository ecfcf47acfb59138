// SPDX-License-Identifier: Apache-2.0
// The stages of style §6.7, in order: spec mutators, build, unsigned_xml mutators, sign,
// signed_xml mutators, encrypt, encrypted mutators, serialise, serialized mutators, encode, wire
// mutators. With token encryption the Response signature is made after encryption (it must cover
// the EncryptedAssertion), so signed_xml mutators then run after the Assertion signature and
// before encryption, and encrypted mutators before the Response signature.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/core/result.hpp"
#include "samlt/idp/mutator.hpp"
#include "samlt/idp/response_spec.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace samlt::idp {

struct PipelineContext {
  core::TimePoint t0;
  std::string tenant_id;
  const Credentials& credentials;
  std::string canary_url;  // Target::canary_url for every mutator; may be empty
};

struct PipelineOutput {
  ResponseSpec spec;                          // after spec mutators
  std::string xml;                            // the serialised Response that was base64-encoded
  core::FormFields form;                      // SAMLResponse (+ RelayState), after wire mutators
  std::vector<std::string> mutators_applied;  // ids, in the order they ran
};

// Runs every stage. Mutators are applied in the order given within their stage.
// Fails with control.unknown_mutator (detail names the id), the mutator's own failure
// (mutator.params_invalid, mutator.not_applicable), or a signing/encryption failure.
core::Result<PipelineOutput> run_response_pipeline(ResponseSpec spec,
                                                   std::span<const MutatorUse> mutators,
                                                   const std::optional<std::string>& relay_state,
                                                   const PipelineContext& context);

}  // namespace samlt::idp
