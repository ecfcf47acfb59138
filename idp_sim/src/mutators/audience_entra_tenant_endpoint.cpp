// SPDX-License-Identifier: Apache-2.0
// audience.entra_tenant_endpoint — a partner IdP configured for Entra as the SP (B2B direct
// federation, entra-spec §5.1) sends Audience https://login.microsoftonline.com/{tid}/; posted to
// an ordinary SP it names the wrong audience. saml-core §2.5.1.4.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> audience_entra_tenant_endpoint(Target& target) {
  target.spec.audiences = {"https://login.microsoftonline.com/" + std::string(target.tenant_id) +
                           "/"};
  return {};
}

}  // namespace samlt::idp::mutators
