// SPDX-License-Identifier: Apache-2.0
// subject_confirmation.all_invalid — the bearer SubjectConfirmation replaced by two, each broken
// in one way: one whose NotOnOrAfter passed 240 s ago (beyond a 180 s skew), one whose
// InResponseTo names another request. saml-profiles §4.1.4.2: at least one bearer confirmation
// must satisfy every rule, so an SP that takes "any" valid part of each, or stops at the first one
// that is not expired, is wrong (case SC-ALL-INVALID; node-saml "should fail if no one is valid").
// Param order: expired_first (default) or in_response_to_first.
#include "mutators/locate.hpp"
#include "mutators/subject/subject.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

namespace samlt::idp::mutators {

core::Result<void> subject_confirmation_all_invalid(Target& target) {
  namespace n = core::names;
  auto order = text_param(target, "order", "expired_first");
  if (!order) {
    return core::fail(order.error());
  }
  if (*order != "expired_first" && *order != "in_response_to_first") {
    return core::fail(core::Reason::mutator_params_invalid, "/order: expected expired_first or in_response_to_first");
  }
  auto confirmation = locate(target, "subject_confirmation");
  if (!confirmation) {
    return core::fail(confirmation.error());
  }
  xmlNode* expired = *confirmation;
  xmlNode* other = xmlDocCopyNode(expired, expired->doc, 1);
  if (*order == "expired_first") {
    xmlAddNextSibling(expired, other);
  } else {
    xmlAddPrevSibling(expired, other);
  }
  xmlNode* expired_data = core::child_named(expired, n::ns_assertion, "SubjectConfirmationData");
  xmlNode* other_data = core::child_named(other, n::ns_assertion, "SubjectConfirmationData");
  if (expired_data == nullptr || other_data == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no SubjectConfirmationData");
  }
  core::set_attribute(expired_data, "NotOnOrAfter", core::format_datetime(target.t0 - std::chrono::seconds(240)));
  core::set_attribute(other_data, "InResponseTo", core::new_saml_id());
  return {};
}

}  // namespace samlt::idp::mutators
