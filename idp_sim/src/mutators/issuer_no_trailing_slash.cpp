// SPDX-License-Identifier: Apache-2.0
// issuer.no_trailing_slash — An SP configured from a hand-typed entity ID without the trailing
// slash: Entra's Issuer ends in '/' (entra-spec §0). saml-core §2.2.5 / profiles §4.1.4.2: the
// Issuer must equal the IdP entity ID exactly. Both the Response and the Assertion Issuer change,
// so the SP's first Issuer check must fire.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_no_trailing_slash(Target& target) {
  std::string issuer = "https://sts.windows.net/{tid}";
  if (auto at = issuer.find("{tid}"); at != std::string::npos) {
    issuer.replace(at, 5, target.tenant_id);
  }
  set_both_issuers(target, issuer);
  return {};
}

}  // namespace samlt::idp::mutators
