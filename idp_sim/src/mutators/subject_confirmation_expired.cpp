// SPDX-License-Identifier: Apache-2.0
// subject_confirmation.expired — the bearer confirmation window closed while the Conditions are
// still open (a token held back, then posted). saml-profiles §4.1.4.2: the SP must check the
// bearer SubjectConfirmationData/@NotOnOrAfter; only that attribute moves.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> subject_confirmation_expired(Target& target) {
  auto minutes = int_param(target, "minutes_ago", 10, 1);
  if (!minutes) {
    return core::fail(minutes.error());
  }
  target.spec.subject_not_on_or_after = target.t0 - std::chrono::minutes(*minutes);
  return {};
}

}  // namespace samlt::idp::mutators
