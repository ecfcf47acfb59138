// SPDX-License-Identifier: Apache-2.0
// Reading the "expect" part of a scenario: one expectation object, or a list of policy-conditional
// ones ending with an unconditional one.
#pragma once

#include "samlt/runner/scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samlt::runner {

// Throws core::Fatal ("<source>: <pointer>: <expected>").
std::vector<ConditionalExpectation> read_expectations(const nlohmann::json& json,
                                                      const std::string& pointer,
                                                      std::string_view source);

}  // namespace samlt::runner
