// SPDX-License-Identifier: Apache-2.0
// issuer.login_microsoftonline — The LogoutResponse Issuer (entra-spec §4.3) or a doc sample's
// issuer used as if it were the SSO issuer (I7). saml-core §2.2.5: Issuer must equal the IdP's
// entity ID. Both the Response and the Assertion Issuer change, so the SP's first Issuer check must
// fire.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_login_microsoftonline(Target& target) {
  std::string issuer = "https://login.microsoftonline.com/{tid}/";
  if (auto at = issuer.find("{tid}"); at != std::string::npos) {
    issuer.replace(at, 5, target.tenant_id);
  }
  set_both_issuers(target, issuer);
  return {};
}

}  // namespace samlt::idp::mutators
