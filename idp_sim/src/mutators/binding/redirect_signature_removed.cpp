// SPDX-License-Identifier: Apache-2.0
// redirect.signature_removed — SigAlg and Signature dropped from a signed Redirect message
// (BIND-REDIRECT-SIG-STRIP): what is left is a well-formed unsigned message. saml-bindings
// §3.4.4.1 puts the whole signature in those two parameters, so an SP that requires signed
// messages must notice the absence, not skip verification.
#include "mutators/binding/binding.hpp"

#include <algorithm>

namespace samlt::idp::mutators {

core::Result<void> redirect_signature_removed(Target& target) {
  auto removed = std::erase_if(*target.form, [](const core::FormField& p) {
    return p.first == "SigAlg" || p.first == "Signature";
  });
  if (removed == 0) {
    return core::fail(core::Reason::mutator_not_applicable, "the message is not signed");
  }
  return {};
}

}  // namespace samlt::idp::mutators
