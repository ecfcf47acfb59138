// SPDX-License-Identifier: Apache-2.0
// What a scenario can need of an SP, and how a target offers it: one vocabulary for every suite.
// A scenario lists its needs (some are inferred from what it does); a target has a capability
// when the runner finds it (a login URL, an encryption certificate in SP metadata) or when the
// target file declares it. An unmet need skips the scenario with the need named, never a pass
// for the wrong reason. Later suites add rows here rather than a vocabulary of their own.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>

namespace samlt::runner {

// How the runner learns that a target has a capability.
enum class NeedSource {
  discovered,  // from the target's own settings or SP metadata; a target may not declare it
  declared,    // only the target file can say so (listed in "capabilities")
};

struct Need {
  std::string_view id;       // "idp_metadata_trust": what scenarios and targets name
  NeedSource source;
  std::string_view summary;  // what the SP must offer, one line (`idp_sim run --list-needs`)
  std::string_view remedy;   // the skip message: what is missing and how to provide it
};

// Every need, in table order. Thread-safe (a constant table).
std::span<const Need> all_needs();

// The need with this id, or nullptr.
const Need* find_need(std::string_view id);

// "a, b, c": every id, for error messages that say what was expected.
std::string need_ids_joined();

// The needs a target offers, by id.
using Capabilities = std::set<std::string, std::less<>>;

// The ids of the needs every later issue's suites may refer to by name in code.
namespace need {
inline constexpr std::string_view sp_initiated_login = "sp_initiated_login";
inline constexpr std::string_view encryption_certificate = "encryption_certificate";
inline constexpr std::string_view idp_metadata_trust = "idp_metadata_trust";
inline constexpr std::string_view session_attributes = "session_attributes";
inline constexpr std::string_view canary_reachable = "canary_reachable";
inline constexpr std::string_view single_logout = "single_logout";
inline constexpr std::string_view encryption_rollover = "encryption_rollover";
inline constexpr std::string_view second_idp_trust = "second_idp_trust";
inline constexpr std::string_view metadata_refresh = "metadata_refresh";
inline constexpr std::string_view sp_restart = "sp_restart";
}  // namespace need

}  // namespace samlt::runner
