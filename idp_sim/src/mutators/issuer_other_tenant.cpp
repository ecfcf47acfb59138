// SPDX-License-Identifier: Apache-2.0
// issuer.other_tenant — a multi-tenant SP that trusts "any sts.windows.net issuer" accepts tokens
// from an attacker's own tenant (the classic Entra multi-tenant pitfall). saml-core §2.2.5: the
// Issuer must equal the configured IdP's entity ID. Both Issuers change.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_other_tenant(Target& target) {
  auto tenant = string_param(target, "tenant_id");
  if (!tenant) {
    return core::fail(tenant.error());
  }
  std::string other = tenant->value_or("f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e");
  if (other == target.tenant_id) {
    return core::fail(core::Reason::mutator_params_invalid,
                      "/tenant_id: expected another tenant's id");
  }
  set_both_issuers(target, "https://sts.windows.net/" + other + "/");
  return {};
}

}  // namespace samlt::idp::mutators
