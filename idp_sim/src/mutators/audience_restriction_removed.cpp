// SPDX-License-Identifier: Apache-2.0
// audience_restriction.removed — an assertion usable by any SP that trusts the IdP. The web SSO
// profile requires an AudienceRestriction naming the SP (saml-profiles §4.1.4.2); without one a
// strict SP refuses rather than treating it as unrestricted.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> audience_restriction_removed(Target& target) {
  return remove_first(target, core::names::ns_assertion, "AudienceRestriction");
}

}  // namespace samlt::idp::mutators
