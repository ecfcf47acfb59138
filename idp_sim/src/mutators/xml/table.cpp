// SPDX-License-Identifier: Apache-2.0
// §5 XML parser attacks: this section's mutators, one row each (registry.cpp joins the tables).
// xml.doctype_added (registry.cpp) belongs here too: its payloads carry XML-DTD-BENIGN,
// XML-XXE-FILE, XML-XXE-OOB, XML-EXTERNAL-DTD and XML-BILLION-LAUGHS.
#include "mutators/sections.hpp"
#include "mutators/xml/xml.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> xml_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"xml.schema_location_added", Stage::signed_xml, Reason::signature_digest_mismatch,
       "xsi:schemaLocation naming the run's canary on the signed Assertion (param on: response, the "
       "unsigned envelope, where the message stays valid)",
       &xml_schema_location_added, 5, Capability::no_key, R"({"signing":"assertion"})"},
      {"xml.nesting_deepened", Stage::serialized, Reason::xml_too_deep,
       "a samlp:Extensions after the Response Issuer holding `depth` nested elements (default 100000)",
       &xml_nesting_deepened, 5, Capability::no_key, R"({"signing":"assertion"})"},
      {"response.root_replaced", Stage::signed_xml, Reason::response_not_a_response,
       "the signed Assertion posted alone (param root: logout_response, entity_descriptor: IdP-signed "
       "objects for other purposes; hello)",
       &response_root_replaced, 5, Capability::no_key, R"({"signing":"assertion"})"},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
