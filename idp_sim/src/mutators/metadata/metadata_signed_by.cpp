// SPDX-License-Identifier: Apache-2.0
// metadata.signed_by — the metadata signed by the attacker's key, its certificate in KeyInfo
// (attack-catalogue MD-WRONG-SIGNER): the signature is valid, but only for a consumer that takes
// the key from KeyInfo. SAML2int IIP-MD03: the metadata signing key is configured out of band (for
// a refresh: a key already trusted for that IdP). Param `credential` (default idp-rogue).
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_signed_by(Target& target) {
  auto name = string_param(target, "credential");
  if (!name) {
    return core::fail(name.error());
  }
  std::string credential_name = name->value_or("idp-rogue");
  const core::Credential* signer = target.credential(credential_name);
  if (signer == nullptr || !signer->key) {
    return core::fail(core::Reason::mutator_not_applicable,
                      "no credential '" + credential_name + "' with a private key is configured");
  }
  target.spec.signer = *signer;
  return {};
}

}  // namespace samlt::idp::mutators
