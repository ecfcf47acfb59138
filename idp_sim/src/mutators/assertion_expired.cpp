// SPDX-License-Identifier: Apache-2.0
// assertion.expired — a captured or delayed token replayed after its lifetime (or an IdP clock far
// behind). saml-core §2.5.1.2: the Assertion is invalid at or after Conditions/@NotOnOrAfter.
// Only Conditions moves: SubjectConfirmationData keeps its time (a separate fault).
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> assertion_expired(Target& target) {
  long long minutes = 10;
  if (auto it = target.params.find("minutes_ago"); it != target.params.end()) {
    if (!it->is_number_integer() || it->get<long long>() < 1) {
      return core::fail(core::Reason::mutator_params_invalid,
                        "/minutes_ago: expected an integer >= 1");
    }
    minutes = it->get<long long>();
  }
  target.spec.not_on_or_after = target.t0 - std::chrono::minutes(minutes);
  return {};
}

}  // namespace samlt::idp::mutators
