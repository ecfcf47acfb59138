// SPDX-License-Identifier: Apache-2.0
// Diagnosis (issue 13): the ACS's own steps, in its order, on a captured Response, going on past
// failures so that every fault is found, not just the first. It runs on DiagnosisEvidence, which no
// admission step takes: a diagnosis can never end in an acceptance.
#pragma once

#include "samlt/core/reason.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace samlt::sp {

enum class FindingOutcome : std::uint8_t { passed, failed, not_checked };

struct Finding {
  std::string step;  // the pipeline step's id: "conditions.time"
  FindingOutcome outcome = FindingOutcome::not_checked;
  core::Reason reason = core::Reason::internal_error;  // meaningful only when failed
  // failed: the step's own detail; not_checked: what it lacked; passed: empty, or a note on what
  // the diagnosis assumed so that later steps could run
  std::string detail;
};

// What the capture could tell, beyond the Context.
struct DiagnosisInputs {
  // ctx.outstanding knows the AuthnRequests this SP sent in the capture. Without them an
  // InResponseTo can't be matched, and the step is not checked.
  bool requests_known = false;
  // The message as the capture's own decoding found it (e.g. a Response sent by HTTP-Redirect,
  // which binding.post_form refuses): what the later steps read when binding.post_form fails.
  std::optional<core::BindingMessage> decoded;
};

// One finding per pipeline step, in pipeline order (diagnosis_steps()). A step runs when what it
// reads is there, whatever earlier steps found; otherwise it is not_checked, naming what it
// lacked. Where a failure would leave later steps nothing to read, the diagnosis reads on:
// - binding.post_form: the later steps read inputs.decoded;
// - response.issuer: with exactly one trusted IdP, the later steps use its keys;
// - response.in_response_to: the later steps take the envelope's InResponseTo as the request;
// - signature.assertion: the Assertion is examined unverified (ExaminedAssertion::verified()).
// Never throws: a step that throws is a failed finding with internal.error.
std::vector<Finding> diagnose_response(const Context& ctx, DiagnosisEvidence& ev,
                                       const DiagnosisInputs& inputs);

}  // namespace samlt::sp
