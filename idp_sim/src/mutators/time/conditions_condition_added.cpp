// SPDX-License-Identifier: Apache-2.0
// conditions.condition_added — one more condition at the end of Conditions, then signed.
// unknown_type (default): <Condition xsi:type="x:FooCondition"/>, an extension the SP cannot
// evaluate; saml-core §2.5.1: the Assertion is then Indeterminate and must not be relied on (case
// COND-UNKNOWN). one_time_use: <OneTimeUse/>, saml-core §2.5.1.5: the assertion may be used once,
// so a second post must be refused (case COND-ONETIMEUSE, with the scenario's replay step).
#include "mutators/locate.hpp"
#include "mutators/time/time.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> conditions_condition_added(Target& target) {
  namespace n = core::names;
  auto condition = text_param(target, "condition", "unknown_type");
  if (!condition) {
    return core::fail(condition.error());
  }
  if (*condition != "unknown_type" && *condition != "one_time_use") {
    return core::fail(core::Reason::mutator_params_invalid, "/condition: expected unknown_type or one_time_use");
  }
  auto conditions = locate(target, "conditions");
  if (!conditions) {
    return core::fail(conditions.error());
  }
  if (*condition == "one_time_use") {
    core::append_element(*conditions, n::ns_assertion, "", "OneTimeUse");
    return {};
  }
  xmlNode* added = core::append_element(*conditions, n::ns_assertion, "", "Condition");
  xmlNewNs(added, BAD_CAST "urn:samlt:condition", BAD_CAST "x");
  core::set_attribute_ns(added, n::ns_xsi, "xsi", "type", "x:FooCondition");
  return {};
}

}  // namespace samlt::idp::mutators
