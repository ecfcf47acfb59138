// SPDX-License-Identifier: Apache-2.0
// A step checks one rule (style §6.6). It reads Context (inputs) and Evidence (what earlier steps
// proved), may add to Evidence, and returns the single Reason that explains a failure. Steps are
// pure apart from Evidence and the Context's read-only lookups: no clock reads, no globals, no
// writes. REQUIRES: every earlier step of the table succeeded on the same Evidence; on
// DiagnosisEvidence, what the step reads is there (diagnosis.cpp checks each step's inputs).
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"

#include <string_view>

namespace samlt::sp {

// One step over the evidence type `Ev`: the ACS's Evidence, or a diagnosis's DiagnosisEvidence.
template <class Ev>
struct StepOf {
  std::string_view id;  // "audience_restriction.audience": what traces and reports name
  core::Result<void> (*run)(const Context&, Ev&);
};

using Step = StepOf<Evidence>;
using DiagnosisStep = StepOf<DiagnosisEvidence>;

}  // namespace samlt::sp
