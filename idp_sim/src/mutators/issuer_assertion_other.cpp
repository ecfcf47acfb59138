// SPDX-License-Identifier: Apache-2.0
// issuer.assertion_other — the Response comes from the trusted IdP but the Assertion names another
// issuer (an assertion lifted from elsewhere). saml-profiles §4.1.4.2: the Assertion's Issuer must
// be the IdP's entity ID.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> issuer_assertion_other(Target& target) {
  auto issuer = string_param(target, "issuer");
  if (!issuer) {
    return core::fail(issuer.error());
  }
  target.spec.assertion_issuer = issuer->value_or("https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/");
  return {};
}

}  // namespace samlt::idp::mutators
