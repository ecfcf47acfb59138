// SPDX-License-Identifier: Apache-2.0
// authn_statement.removed — an attribute-only assertion used as a login. saml-profiles §4.1.4.2: the
// assertion used for web SSO must contain an AuthnStatement.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> authn_statement_removed(Target& target) {
  return remove_first(target, core::names::ns_assertion, "AuthnStatement");
}

}  // namespace samlt::idp::mutators
