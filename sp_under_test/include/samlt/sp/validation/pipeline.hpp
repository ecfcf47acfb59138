// SPDX-License-Identifier: Apache-2.0
// The ACS validation pipeline (style §6.6): the steps in spec order and the loop that runs them.
#pragma once

#include "samlt/sp/validation/step.hpp"
#include "samlt/sp/verdict.hpp"

#include <functional>
#include <span>
#include <string_view>

namespace samlt::sp {

// The steps in order. The order is part of the contract: it decides which reason wins when a
// Response has two faults.
std::span<const Step> pipeline_steps();

// The same steps in the same order, over DiagnosisEvidence (diagnosis.hpp).
std::span<const DiagnosisStep> diagnosis_steps();

// Runs every step in order, recording one trace entry each, and stops at the first failure.
// Fail closed: the verdict starts as reject(internal.error), a step that throws is
// internal.error, and it is accepted only after every step passed. Never throws.
Verdict run_pipeline(const Context& ctx, Evidence& ev);

// Runs `body` as the traced step `id`: times it, turns any exception into internal.error, appends
// its trace entry to `verdict` and makes `verdict` a rejection when it fails. Returns whether it
// passed. The pipeline loop and admission both run every step through this.
bool run_traced(std::string_view id, const std::function<core::Result<void>()>& body, Verdict& verdict);

}  // namespace samlt::sp
