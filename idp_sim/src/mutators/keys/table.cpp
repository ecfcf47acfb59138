// SPDX-License-Identifier: Apache-2.0
// §3 Key trust: this section's mutators, one row each (registry.cpp joins the tables). The base
// table's signing.rogue_key (params credential, key_info) serves KEY-SELF-SIGNED, KEY-NO-KEYINFO-
// ATTACKER, KEY-KEYVALUE, KEY-OTHER-IDP, KEY-ENC-CERT-SIGNS, KEY-CA-ISSUED and KEY-RETRIEVAL-SSRF.
#include "mutators/keys/keys.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> keys_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"signing.hmac_key_embedded", Stage::signed_xml, Reason::signature_algorithm_forbidden,
       "victim identity, SignatureMethod hmac-sha1 keyed with a secret carried in KeyInfo as HMACKeyValue "
       "(params signature: assertion | response, victim)",
       &signing_hmac_key_embedded, 3, Capability::no_key, R"({"signing":"assertion"})"},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
