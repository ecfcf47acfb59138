// SPDX-License-Identifier: Apache-2.0
// assertion.unsigned — an IdP (or a misconfigured app) that sends no signature at all; SPs that
// verify "if a signature is present" accept anything (CVE-2017-11427 family). saml-profiles
// §4.1.3.5 / §4.1.4.2: the Assertion must be signed, itself or through the Response.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> assertion_unsigned(Target& target) {
  target.spec.signing = Signing::none;
  return {};
}

}  // namespace samlt::idp::mutators
