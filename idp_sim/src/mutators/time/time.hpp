// SPDX-License-Identifier: Apache-2.0
// §6 Conditions and time windows: the mutators (one .cpp each) and the table of dateTime fields
// they move or break.
#pragma once

#include "samlt/idp/mutator.hpp"

#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> time_shifted(Target& target);
core::Result<void> time_malformed(Target& target);
core::Result<void> attribute_removed(Target& target);
core::Result<void> conditions_duplicated(Target& target);
core::Result<void> conditions_condition_added(Target& target);

namespace time {

// Every dateTime attribute the §6 mutators address, by field name (param `field`).
inline constexpr std::string_view k_fields =
    "response.issue_instant, assertion.issue_instant, conditions.not_before, conditions.not_on_or_after, "
    "confirmation.not_before, confirmation.not_on_or_after, authn.authn_instant, "
    "authn.session_not_on_or_after";

// Where one field lives: its element in the message and the attribute's name.
struct Field {
  xmlNode* element;
  std::string_view attribute;
};

// The field param `field` names (`fallback` when absent), located in the message. Fails with
// mutator.params_invalid (not one of k_fields) or mutator.not_applicable (no such element).
core::Result<Field> field_param(const Target& target, std::string_view fallback);

}  // namespace time
}  // namespace samlt::idp::mutators
