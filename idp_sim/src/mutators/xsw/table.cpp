// SPDX-License-Identifier: Apache-2.0
// §1 XML signature wrapping: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/sections.hpp"
#include "mutators/xsw/xsw.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> xsw_mutators() {
  using core::Reason;
  constexpr std::string_view k_assertion_signed = R"({"signing":"assertion"})";
  constexpr std::string_view k_response_signed = R"({"signing":"response"})";
  static constexpr Mutator k_rows[] = {
      {"xsw.original_hidden", Stage::signed_xml, Reason::signature_reference_not_parent,
       "the visible Response or Assertion forged (victim), the signed original hidden (params target, place, "
       "signature, ids, visible_id, wrapper, victim; default: Assertion copy in samlp:Extensions)",
       &xsw_original_hidden, 1, Capability::no_key, k_assertion_signed},
      {"xsw.evil_copy_added", Stage::signed_xml, Reason::assertion_multiple,
       "a forged, unsigned copy of the signed Assertion added (params place, ids, id, id_attribute, victim; "
       "default: before it, fresh IDs)",
       &xsw_evil_copy_added, 1, Capability::no_key, k_assertion_signed},
      {"xsw.first_signature_nested", Stage::signed_xml, Reason::assertion_schema_invalid,
       "the signed Assertion nested as the first child of a forged one with a bogus Signature (params "
       "visible_id, victim)",
       &xsw_first_signature_nested, 1, Capability::no_key, k_assertion_signed},
      {"xsw.foreign_object_carried", Stage::signed_xml, Reason::assertion_unsigned,
       "signatures stripped, victim claimed, an IdP-signed foreign object carried (params object: metadata, "
       "logout_response, response_other_sp; place: status_detail, extensions)",
       &xsw_foreign_object_carried, 1, Capability::no_key, k_assertion_signed},
      {"xsw.second_root_appended", Stage::serialized, Reason::xml_malformed,
       "a forged, unsigned victim Response (param root: response, assertion) after the signed one's end tag",
       &xsw_second_root_appended, 1, Capability::no_key, k_response_signed},
      {"xsw.digest_smuggled", Stage::signed_xml, Reason::signature_digest_mismatch,
       "the Response Signature moved into a forged Assertion, a Reference with its digest smuggled into "
       "StatusDetail (param digest: computed, empty)",
       &xsw_digest_smuggled, 1, Capability::no_key, k_response_signed},
      {"xsw.signed_info_doubled", Stage::signed_xml, Reason::signature_malformed,
       "content forged, a second SignedInfo with the forged digest beside the original (params target, "
       "position)",
       &xsw_signed_info_doubled, 1, Capability::no_key, k_assertion_signed},
      {"xsw.digest_value_commented", Stage::signed_xml, Reason::signature_digest_mismatch,
       "content forged, its digest in a comment ahead of the original DigestValue (param target)",
       &xsw_digest_value_commented, 1, Capability::no_key, k_assertion_signed},
      {"xsw.signature_moved", Stage::signed_xml, Reason::response_schema_invalid,
       "a valid Signature moved (params signature: response, assertion; to: into_status, after_status, "
       "after_assertion, after_subject)",
       &xsw_signature_moved, 1, Capability::no_key, k_response_signed},
      {"xsw.reference_added", Stage::signed_xml, Reason::signature_reference_count,
       "a second Reference (to the Response, or to the Assertion) in SignedInfo, re-signed with the IdP key "
       "(param signature: assertion, response)",
       &xsw_reference_added, 1, Capability::idp_key, k_assertion_signed},
      {"xsw.envelope_field_changed", Stage::signed_xml, Reason::response_in_response_to_unknown,
       "a field of the unsigned Response envelope edited (param field: in_response_to_unknown, "
       "status_responder, destination_other, issuer_unknown)",
       &xsw_envelope_field_changed, 1, Capability::no_key, k_assertion_signed},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
