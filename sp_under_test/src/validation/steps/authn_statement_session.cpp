// SPDX-License-Identifier: Apache-2.0
// authn_statement.session
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-profiles §4.1.4.3 (saml-core §2.7.2): past SessionNotOnOrAfter the IdP wants the session
// over, so an SSO built on it must not start (TIME-SESSION-EXPIRED). Entra omits the attribute.
template <class Ev>
core::Result<void> authn_statement_session(const Context& ctx, Ev& ev) {
  namespace n = core::names;
  for (xmlNode* statement : core::children_named(ev.assertion->node(), n::ns_assertion, "AuthnStatement")) {
    auto until = read::optional_time(statement, "SessionNotOnOrAfter");
    if (!until) {
      return core::fail(until.error());
    }
    if (*until && read::has_expired(ctx.now, **until, ctx.policy.clock_skew)) {
      return core::fail(core::Reason::authn_statement_session_expired,
                        "SessionNotOnOrAfter " + *core::attribute(statement, "SessionNotOnOrAfter") + " has passed");
    }
    if (*until && (!ev.session_not_on_or_after || **until < *ev.session_not_on_or_after)) {
      ev.session_not_on_or_after = **until;
    }
  }
  return {};
}

SAMLT_ASSERTION_STEP(authn_statement_session)

}  // namespace samlt::sp::steps
