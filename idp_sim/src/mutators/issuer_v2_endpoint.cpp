// SPDX-License-Identifier: Apache-2.0
// issuer.v2_endpoint — The OIDC v2.0 issuer pasted into a SAML configuration. saml-core §2.2.5:
// Issuer must equal the IdP's entity ID. Both the Response and the Assertion Issuer change, so the
// SP's first Issuer check must fire.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_v2_endpoint(Target& target) {
  std::string issuer = "https://login.microsoftonline.com/{tid}/v2.0";
  if (auto at = issuer.find("{tid}"); at != std::string::npos) {
    issuer.replace(at, 5, target.tenant_id);
  }
  set_both_issuers(target, issuer);
  return {};
}

}  // namespace samlt::idp::mutators
