// SPDX-License-Identifier: Apache-2.0
// The one table of failure reasons (reasons.def) as an enum, with its stable dotted ids.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace samlt::core {

enum class Reason : std::uint16_t {
#define SAMLT_REASON(name, id, summary) name,
#include "samlt/core/reasons.def"
#undef SAMLT_REASON
};

// The stable dotted id, e.g. "conditions.expired". Never changes once released.
std::string_view id(Reason reason);

// One line saying what the reason means, for reports and error pages.
std::string_view summary(Reason reason);

// The Reason whose id is `text`, or nullopt.
std::optional<Reason> parse_reason(std::string_view text);

// Every reason, in table order.
std::span<const Reason> all_reasons();

}  // namespace samlt::core
