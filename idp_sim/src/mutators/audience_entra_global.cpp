// SPDX-License-Identifier: Apache-2.0
// audience.entra_global — the legacy global Entra SP audience urn:federation:MicrosoftOnline
// (entra-spec §5.1, §5.2), which older federations still use; at an ordinary SP it is the wrong
// audience. saml-core §2.5.1.4.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> audience_entra_global(Target& target) {
  target.spec.audiences = {"urn:federation:MicrosoftOnline"};
  return {};
}

}  // namespace samlt::idp::mutators
