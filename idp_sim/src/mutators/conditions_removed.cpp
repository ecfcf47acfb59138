// SPDX-License-Identifier: Apache-2.0
// conditions.removed — no Conditions, hence no audience and no validity window. The SP's profile
// requires them (saml-profiles §4.1.4.2 AudienceRestriction; attack-catalogue COND-MISSING).
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> conditions_removed(Target& target) {
  return remove_first(target, core::names::ns_assertion, "Conditions");
}

}  // namespace samlt::idp::mutators
