// SPDX-License-Identifier: Apache-2.0
// audience_restriction.audience
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"
#include "validation/saml_read.hpp"

namespace samlt::sp::steps {

// saml-core §2.5.1.4: every AudienceRestriction must be satisfied on its own (AND semantics,
// AUD-MULTI-RESTRICTION), each by an Audience equal to this SP's entity ID (AUD-WRONG; an empty
// Audience matches nothing, AUD-EMPTY). saml-profiles §4.1.4.2: a bearer assertion MUST carry one
// (AUD-MISSING).
template <class Ev>
core::Result<void> audience_restriction_audience(const Context& ctx, Ev& ev) {
  namespace n = core::names;
  xmlNode* conditions = core::child_named(ev.assertion->node(), n::ns_assertion, "Conditions");
  auto restrictions = core::children_named(conditions, n::ns_assertion, "AudienceRestriction");
  if (restrictions.empty()) {
    return core::fail(core::Reason::audience_restriction_missing, "Conditions has no AudienceRestriction");
  }
  for (std::size_t i = 0; i < restrictions.size(); ++i) {
    bool matched = false;
    std::string seen;
    for (xmlNode* audience : core::children_named(restrictions[i], n::ns_assertion, "Audience")) {
      std::string value = read::text_of(audience);
      matched = matched || value == ctx.entity_id;
      seen += (seen.empty() ? "'" : ", '") + value + "'";
    }
    if (!matched) {
      return core::fail(core::Reason::audience_restriction_audience_mismatch,
                        "AudienceRestriction " + std::to_string(i + 1) + " names " +
                            (seen.empty() ? std::string("no Audience") : seen) + ", not '" +
                            std::string(ctx.entity_id) + "'");
    }
  }
  return {};
}

SAMLT_ASSERTION_STEP(audience_restriction_audience)

}  // namespace samlt::sp::steps
