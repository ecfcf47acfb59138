// SPDX-License-Identifier: Apache-2.0
// §12 Algorithms: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/algorithms/algorithms.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> algorithms_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"signature.algorithm_set", Stage::signed_xml, Reason::signature_algorithm_forbidden,
       "SignatureMethod/DigestMethod/CanonicalizationMethod set (params signature_method, digest_method, "
       "canonicalization_method; default rsa-md5 + md5), re-signed with the IdP key unless resign is false",
       &signature_algorithm_set, 12, Capability::idp_key, R"({"signing":"assertion"})"},
      {"signature.hmac_substituted", Stage::signed_xml, Reason::signature_algorithm_forbidden,
       "the RSA signature replaced by an HMAC keyed with the IdP certificate's PEM text (param key: "
       "certificate_der, spki_pem, spki_der, modulus, attacker; algorithm; output_length)",
       &signature_hmac_substituted, 12, Capability::no_key, R"({"signing":"assertion"})"},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
