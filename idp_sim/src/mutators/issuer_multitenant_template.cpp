// SPDX-License-Identifier: Apache-2.0
// issuer.multitenant_template — The common-metadata entityID with its literal {tenantid}
// placeholder (entra-spec §2.1) taken as the issuer. saml-core §2.2.5. Both the Response and the
// Assertion Issuer change, so the SP's first Issuer check must fire.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_multitenant_template(Target& target) {
  std::string issuer = "https://sts.windows.net/{tenantid}/";
  if (auto at = issuer.find("{tid}"); at != std::string::npos) {
    issuer.replace(at, 5, target.tenant_id);
  }
  set_both_issuers(target, issuer);
  return {};
}

}  // namespace samlt::idp::mutators
