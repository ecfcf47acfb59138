// SPDX-License-Identifier: Apache-2.0
// §2 Signature presence, exclusion and verification: this section's mutators, one row each (registry.cpp joins the tables).
// signature.removed, signature.value_tampered, signature.digest_tampered and assertion.unsigned
// also belong to this section; they are rows of the base table (registry.cpp).
#include "mutators/sections.hpp"
#include "mutators/signature/signature.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> signature_mutators() {
  using core::Reason;
  constexpr std::string_view k_assertion_signed = R"({"signing":"assertion"})";
  static constexpr Mutator k_rows[] = {
      {"signature.hollowed", Stage::signed_xml, Reason::signature_malformed,
       "an empty or hollow Signature (param form: empty_element, no_signed_info, empty_signature_value, "
       "empty_digest_value; target)",
       &signature_hollowed, 2, Capability::no_key, k_assertion_signed},
      {"signature.digest_recomputed", Stage::signed_xml, Reason::signature_invalid,
       "content forged and the DigestValue recomputed, the SignatureValue left stale (param target)",
       &signature_digest_recomputed, 2, Capability::no_key, k_assertion_signed},
      {"signature.value_malformed", Stage::signed_xml, Reason::signature_unverifiable,
       "a SignatureValue verification errors on (param form: non_base64, one_byte, wrong_length, method_ecdsa)",
       &signature_value_malformed, 2, Capability::no_key, k_assertion_signed},
      {"signature.reference_retargeted", Stage::signed_xml, Reason::signature_reference_not_parent,
       "the Reference URI names no element or points outside (param uri: dangling, http, file, xpointer; "
       "scope: one, all)",
       &signature_reference_retargeted, 2, Capability::no_key, k_assertion_signed},
      {"signature.transform_inserted", Stage::signed_xml, Reason::signature_transform_forbidden,
       "a transform outside the profile (param transform: xslt, xpath_exclude_subject, third_exc_c14n, c14n11 …; "
       "resign)",
       &signature_transform_inserted, 2, Capability::no_key, k_assertion_signed},
      {"signature.object_added", Stage::signed_xml, Reason::signature_object_forbidden,
       "a ds:Object in the Signature (param content: empty, text, assertion_copy; resign)",
       &signature_object_added, 2, Capability::no_key, k_assertion_signed},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
