// SPDX-License-Identifier: Apache-2.0
// §3 Key trust: the mutators of this section (one .cpp each) and the helpers they share. The
// base table's signing.rogue_key (mutators/signing_rogue_key.cpp) serves most cases with its
// credential and key_info parameters.
#pragma once

#include "samlt/idp/mutator.hpp"

#include <string>
#include <string_view>

namespace samlt::idp::mutators {

core::Result<void> signing_hmac_key_embedded(Target& target);

namespace keys {

// The identity a forgery claims when param `victim` is given (a user of the tenant by UPN or
// mail); nullopt when absent: the attacker's own identity stays.
inline constexpr std::string_view k_default_victim = "megan.bowen@contoso.example";

// Spec stage: writes param `victim` (when present; else `fallback` when not empty) as the NameID
// and as every emailaddress and name claim value, the fields SPs map accounts by. Fails with
// mutator.params_invalid.
core::Result<void> victim_into_spec(Target& target, std::string_view fallback = {});

// DOM stages: writes `victim` as the text of every NameID and of every emailaddress and name
// claim value under `subtree`.
void write_victim(xmlNode* subtree, std::string_view victim);

// The canary URL of this run with `suffix` appended, or a loopback address nothing listens on
// (port 9, discard) when the runner gave none.
std::string canary(const Target& target, std::string_view suffix);

}  // namespace keys
}  // namespace samlt::idp::mutators
