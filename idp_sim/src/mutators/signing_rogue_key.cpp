// SPDX-License-Identifier: Apache-2.0
// signing.rogue_key — an attacker re-signs a forged response with their own key and puts their
// certificate (same subject as the IdP's) in KeyInfo (attack-catalogue KEY-SELF-SIGNED). The SP
// must verify with the keys it trusts, never with KeyInfo.
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> signing_rogue_key(Target& target) {
  const core::Credential* rogue = target.credential("idp-rogue");
  if (rogue == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no idp-rogue credential is configured");
  }
  target.spec.signer = *rogue;
  return {};
}

}  // namespace samlt::idp::mutators
