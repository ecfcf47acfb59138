// SPDX-License-Identifier: Apache-2.0
// assertion.issuer
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-profiles §4.1.4.2: the Assertion's Issuer is required, has Format omitted or entity, and
// names the IdP whose key verified it (ISS-WRONG, ISS-ASSERT-MISSING, ISS-FORMAT, KEY-OTHER-IDP).
// Read from the verified Assertion only.
template <class Ev>
core::Result<void> assertion_issuer(const Context&, Ev& ev) {
  namespace n = core::names;
  xmlNode* issuer = core::child_named(ev.assertion->node(), n::ns_assertion, "Issuer");
  if (issuer == nullptr) {
    return core::fail(core::Reason::assertion_issuer_missing, "the Assertion has no Issuer");
  }
  auto format = core::attribute(issuer, "Format");
  if (format && *format != n::nameid_entity) {
    return core::fail(core::Reason::assertion_issuer_format_invalid, "Issuer Format is '" + *format + "'");
  }
  std::string value = read::text_of(issuer);
  if (value != ev.idp->entity_id) {
    return core::fail(core::Reason::assertion_issuer_mismatch,
                      "Assertion Issuer '" + value + "' is not '" + ev.idp->entity_id + "'");
  }
  return {};
}

SAMLT_ASSERTION_STEP(assertion_issuer)

}  // namespace samlt::sp::steps
