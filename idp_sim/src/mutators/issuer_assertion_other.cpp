// SPDX-License-Identifier: Apache-2.0
// issuer.assertion_other — the Response comes from the trusted IdP but the Assertion names another
// issuer (an assertion lifted from elsewhere). saml-profiles §4.1.4.2: the Assertion's Issuer must
// be the IdP's entity ID. `configured_tenant: true` names the configured tenant instead: after
// issuer.other_tenant, a second trusted IdP's Response carrying an Assertion in the first IdP's
// name (attack-catalogue KEY-OTHER-IDP).
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_assertion_other(Target& target) {
  auto issuer = string_param(target, "issuer");
  if (!issuer) {
    return core::fail(issuer.error());
  }
  auto configured = bool_param(target, "configured_tenant", false);
  if (!configured) {
    return core::fail(configured.error());
  }
  if (*configured && *issuer) {
    return core::fail(core::Reason::mutator_params_invalid, "/issuer: expected issuer or configured_tenant, not both");
  }
  target.spec.assertion_issuer = *configured ? "https://sts.windows.net/" + std::string(target.tenant_id) + "/"
                                             : issuer->value_or("https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/");
  return {};
}

}  // namespace samlt::idp::mutators
