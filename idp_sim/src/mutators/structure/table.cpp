// SPDX-License-Identifier: Apache-2.0
// §10 Status and message structure: this section's mutators, one row each (registry.cpp joins the tables).
// status.requester and response.version_wrong (registry.cpp) belong here too.
#include "mutators/sections.hpp"
#include "mutators/structure/structure.hpp"

namespace samlt::idp::mutators {

std::span<const Mutator> structure_mutators() {
  using core::Reason;
  static constexpr Mutator k_rows[] = {
      {"status.set", Stage::spec, Reason::status_not_success,
       "the StatusCode values and StatusMessage as given (params code, second, message; default "
       "Responder), the signed Assertion kept unless keep_assertion is false",
       &status_set, 10, Capability::idp_key, R"({"signing":"assertion"})"},
      {"element.reordered", Stage::unsigned_xml, Reason::response_schema_invalid,
       "children out of schema order, then signed (param order: status_before_issuer, "
       "conditions_after_authn_statement)",
       &element_reordered, 10, Capability::idp_key, R"({"signing":"assertion"})"},
  };
  return k_rows;
}

}  // namespace samlt::idp::mutators
