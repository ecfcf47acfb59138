// SPDX-License-Identifier: Apache-2.0
// conditions.time
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-core §2.5.1.2: the Assertion is valid from NotBefore (inclusive) until NotOnOrAfter
// (exclusive: the instant itself is already too late, TIME-NOA-BOUNDARY), each widened by the
// clock skew. A bearer assertion needs Conditions for its AudienceRestriction (saml-profiles
// §4.1.4.2, COND-MISSING); the schema allows one Conditions element (COND-DUPLICATE). Both bounds
// are optional (POS-NO-NOTBEFORE); an unparseable one is an error, never "no bound".
template <class Ev>
core::Result<void> conditions_time(const Context& ctx, Ev& ev) {
  auto all = core::children_named(ev.assertion->node(), core::names::ns_assertion, "Conditions");
  if (all.empty()) {
    return core::fail(core::Reason::conditions_missing, "the Assertion has no Conditions");
  }
  if (all.size() > 1) {
    return core::fail(core::Reason::conditions_multiple, std::to_string(all.size()) + " Conditions elements");
  }
  xmlNode* conditions = all[0];
  auto not_before = read::optional_time(conditions, "NotBefore");
  if (!not_before) {
    return core::fail(not_before.error());
  }
  auto not_on_or_after = read::optional_time(conditions, "NotOnOrAfter");
  if (!not_on_or_after) {
    return core::fail(not_on_or_after.error());
  }
  if (*not_before && read::is_before(ctx.now, **not_before, ctx.policy.clock_skew)) {
    return core::fail(core::Reason::conditions_not_yet_valid,
                      "NotBefore " + *core::attribute(conditions, "NotBefore") + " is in the future");
  }
  if (*not_on_or_after && read::has_expired(ctx.now, **not_on_or_after, ctx.policy.clock_skew)) {
    return core::fail(core::Reason::conditions_expired,
                      "NotOnOrAfter " + *core::attribute(conditions, "NotOnOrAfter") + " has passed");
  }
  ev.conditions_not_on_or_after = *not_on_or_after;
  return {};
}

SAMLT_ASSERTION_STEP(conditions_time)

}  // namespace samlt::sp::steps
