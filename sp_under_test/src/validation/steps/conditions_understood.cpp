// SPDX-License-Identifier: Apache-2.0
// conditions.understood
#include "samlt/core/saml_names.hpp"
#include "samlt/sp/validation/steps.hpp"

namespace samlt::sp::steps {

// saml-core §2.5.1: a condition the relying party does not understand makes the Assertion
// Indeterminate, which this SP treats as invalid (COND-UNKNOWN). Understood: AudienceRestriction
// (checked above), OneTimeUse (the replay cache already makes every Assertion single-use,
// saml-core §2.5.1.5) and ProxyRestriction (this SP never proxies, §2.5.1.6).
template <class Ev>
core::Result<void> conditions_understood(const Context&, Ev& ev) {
  namespace n = core::names;
  xmlNode* conditions = core::child_named(ev.assertion->node(), n::ns_assertion, "Conditions");
  for (xmlNode* condition : core::element_children(conditions)) {
    if (core::is_element(condition, n::ns_assertion, "AudienceRestriction") ||
        core::is_element(condition, n::ns_assertion, "OneTimeUse") ||
        core::is_element(condition, n::ns_assertion, "ProxyRestriction")) {
      continue;
    }
    return core::fail(core::Reason::conditions_condition_unknown,
                      "condition {" + std::string(core::namespace_uri(condition)) + "}" +
                          std::string(core::local_name(condition)) + " is not understood");
  }
  return {};
}

SAMLT_ASSERTION_STEP(conditions_understood)

}  // namespace samlt::sp::steps
