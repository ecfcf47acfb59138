// SPDX-License-Identifier: Apache-2.0
// A step checks one rule (style §6.6). It reads Context (inputs) and Evidence (what earlier steps
// proved), may add to Evidence, and returns the single Reason that explains a failure. Steps are
// pure apart from Evidence and the Context's read-only lookups: no clock reads, no globals, no
// writes. REQUIRES: every earlier step of the table succeeded on the same Evidence.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"

#include <string_view>

namespace samlt::sp {

struct Step {
  std::string_view id;  // "audience_restriction.audience": what traces and reports name
  core::Result<void> (*run)(const Context&, Evidence&);
};

}  // namespace samlt::sp
