// SPDX-License-Identifier: Apache-2.0
// authn_statement.present
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// saml-profiles §4.1.4.2: the assertion used for SSO MUST contain an AuthnStatement
// (AUTHN-MISSING). Its SessionIndex (Entra: the Assertion ID) is kept for single logout.
template <class Ev>
core::Result<void> authn_statement_present(const Context&, Ev& ev) {
  xmlNode* statement = core::child_named(ev.assertion->node(), core::names::ns_assertion, "AuthnStatement");
  if (statement == nullptr) {
    return core::fail(core::Reason::authn_statement_missing, "the Assertion has no AuthnStatement");
  }
  ev.session_index = core::attribute(statement, "SessionIndex").value_or("");
  return {};
}

SAMLT_ASSERTION_STEP(authn_statement_present)

}  // namespace samlt::sp::steps
