// SPDX-License-Identifier: Apache-2.0
// time.shifted — one dateTime of the message moved to t0 + `seconds` (added when absent, e.g.
// SessionNotOnOrAfter, which Entra omits), then signed: a token used at the edge of, or outside,
// its validity window (saml-core §2.5.1.2, §1.3.3; saml-profiles §4.1.4.2/§4.1.4.3). Cases
// TIME-NOA-BOUNDARY (the default: Conditions/@NotOnOrAfter = t0 − 180 s, the instant a 180 s skew
// closes the window), POS-TIME-SKEW, TIME-ISSUEINSTANT-*, TIME-SESSION-EXPIRED, AUTHN-FORCEAUTHN-STALE.
#include "mutators/mutators.hpp"
#include "mutators/time/time.hpp"
#include "samlt/core/saml_time.hpp"

#include <limits>

namespace samlt::idp::mutators {

core::Result<void> time_shifted(Target& target) {
  auto field = time::field_param(target, "conditions.not_on_or_after");
  if (!field) {
    return core::fail(field.error());
  }
  constexpr long long k_month = 31LL * 24 * 3600;
  auto seconds = int_param(target, "seconds", -180, -k_month);
  if (!seconds) {
    return core::fail(seconds.error());
  }
  if (*seconds > k_month) {
    return core::fail(core::Reason::mutator_params_invalid, "/seconds: expected at most " + std::to_string(k_month));
  }
  core::set_attribute(field->element, field->attribute,
                      core::format_datetime(target.t0 + std::chrono::seconds(*seconds)));
  return {};
}

}  // namespace samlt::idp::mutators
