// SPDX-License-Identifier: Apache-2.0
// conditions.not_yet_valid — an assertion whose validity starts in the future (an IdP clock far
// ahead, or a pre-issued token). saml-core §2.5.1.2: invalid before Conditions/@NotBefore.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> conditions_not_yet_valid(Target& target) {
  auto minutes = int_param(target, "minutes_ahead", 10, 1);
  if (!minutes) {
    return core::fail(minutes.error());
  }
  target.spec.not_before = target.t0 + std::chrono::minutes(*minutes);
  return {};
}

}  // namespace samlt::idp::mutators
