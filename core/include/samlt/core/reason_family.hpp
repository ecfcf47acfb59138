// SPDX-License-Identifier: Apache-2.0
// Reason families: the kinds of refusal the attack catalogue grades (docs/attack-catalogue.md,
// "Reason families"), each a group of reason ids from reasons.def. A case names the families a
// correct rejection may come from; a scenario can expect a family instead of one reason id.
#pragma once

#include "samlt/core/reason.hpp"

#include <span>
#include <string>
#include <string_view>

namespace samlt::core {

struct ReasonFamily {
  std::string_view id;       // "SIG_PROFILE": what scenarios and docs/attack-catalogue.tsv name
  std::string_view meaning;  // one line
  std::span<const Reason> reasons;
};

// Every family, in table order. Thread-safe (a constant table).
std::span<const ReasonFamily> all_reason_families();

// The family with this id, or nullptr.
const ReasonFamily* find_reason_family(std::string_view id);

// Whether `reason` belongs to `family`.
bool in_family(const ReasonFamily& family, Reason reason);

// Whether the reason with id `reason_id` belongs to any family of `families`, a list written as
// the catalogue writes it ("SCHEMA/SIG_PROFILE"). False for an unknown reason or family.
bool in_families(std::string_view families, std::string_view reason_id);

// Empty when every family of `families` ("A/B") exists; otherwise the first unknown one.
std::string unknown_family(std::string_view families);

// "A, B, C": every family id, for error messages that say what was expected.
std::string reason_family_ids_joined();

}  // namespace samlt::core
