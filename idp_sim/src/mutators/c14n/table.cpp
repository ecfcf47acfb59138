// SPDX-License-Identifier: Apache-2.0
// §4 Canonicalization and parser differentials: this section's mutators, one row each (registry.cpp joins the tables).
#include "mutators/c14n/c14n.hpp"
#include "mutators/sections.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> c14n_mutators() {
  using core::Reason;
  // The lookalike: an attacker's account whose mail extends the victim's address (default.json).
  constexpr std::string_view k_lookalike = "nat.lookalike@contoso.example";
  static constexpr Mutator k_rows[] = {
      {"c14n.text_split", Stage::signed_xml, Reason::account_unknown,
       "a comment (or CDATA, param split) after the victim's address inside the signed NameID "
       "(param element: name_id, email, attribute + name; at); the signature still verifies",
       &c14n_text_split, 4, Capability::no_key,
       R"({"signing":"assertion","name_id":{"source":"user.mail","format":"email"}})", false, k_lookalike},
      {"c14n.namespace_unprocessable", Stage::signed_xml, Reason::signature_unverifiable,
       "an unused namespace declaration C14N refuses on the signed Assertion (param uri: relative, "
       "no_authority, invalid; on: assertion, name_id)",
       &c14n_namespace_unprocessable, 4, Capability::no_key, R"({"signing":"assertion"})"},
      {"parser.dtd_differential", Stage::serialized, Reason::xml_doctype_forbidden,
       "a DOCTYPE that shows DTD-aware and DTD-ignoring parsers two documents (param form: "
       "doctype_comment, attlist_namespace, entity_in_id)",
       &parser_dtd_differential, 4, Capability::no_key, R"({"signing":"response"})"},
      {"parser.namespace_wrong", Stage::signed_xml, Reason::response_schema_invalid,
       "the expected local name in a foreign namespace: a forged victim Assertion in urn:evil before "
       "the signed one (param form: assertion_foreign_ns, assertion_saml1_ns, signature_foreign_ns, "
       "fake_response_root)",
       &parser_namespace_wrong, 4, Capability::no_key, R"({"signing":"assertion"})"},
      {"parser.nul_injected", Stage::serialized, Reason::xml_malformed,
       "a NUL byte after the signed Response, then a forged copy (param place: after_root, "
       "inside_name_id)",
       &parser_nul_injected, 4, Capability::no_key, R"({"signing":"response"})"},
      {"parser.name_malformed", Stage::serialized, Reason::xml_namespace_invalid,
       "a name that is not namespace-well-formed: ::foo=\"bar\" on the Response (param form: "
       "attribute_double_colon, element_multi_colon, xmlns_empty_prefix, undeclared_prefix)",
       &parser_name_malformed, 4, Capability::no_key, R"({"signing":"assertion"})"},
      {"signature.inclusive_namespaces", Stage::signed_xml, Reason::signature_digest_mismatch,
       "xs/xsi on the Response, xsi:type on each AttributeValue, an InclusiveNamespaces PrefixList on "
       "both exc-c14n methods; re-signed only with resign: true (the positive case)",
       &signature_inclusive_namespaces, 4, Capability::idp_key, R"({"signing":"assertion"})"},
      {"xml.pretty_printed", Stage::signed_xml, Reason::signature_digest_mismatch,
       "the message indented between elements; re-signed only with resign: true (the positive case)",
       &xml_pretty_printed, 4, Capability::idp_key, R"({"signing":"assertion"})"},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
