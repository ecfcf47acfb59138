// SPDX-License-Identifier: Apache-2.0
// conditions.duplicated — a second Conditions element beside the real one, with a day-wide window
// and another SP's Audience, then signed: an SP that reads "the" Conditions by XPath or keeps the
// last one parsed judges the looser copy. saml-core §2.3.3: an Assertion has at most one
// Conditions (case COND-DUPLICATE; ruby-saml validate_one_conditions). Param `first`: original
// (default, the looser copy after it) or looser (the copy first).
#include "mutators/locate.hpp"
#include "mutators/time/time.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

namespace samlt::idp::mutators {

core::Result<void> conditions_duplicated(Target& target) {
  namespace n = core::names;
  auto audience = text_param(target, "audience", "https://other-sp.example/");
  auto first = text_param(target, "first", "original");
  if (!audience || !first) {
    return core::fail(!audience ? audience.error() : first.error());
  }
  if (*first != "original" && *first != "looser") {
    return core::fail(core::Reason::mutator_params_invalid, "/first: expected original or looser");
  }
  auto conditions = locate(target, "conditions");
  if (!conditions) {
    return core::fail(conditions.error());
  }
  xmlNode* copy = core::insert_element_after(*conditions, n::ns_assertion, "", "Conditions");
  core::set_attribute(copy, "NotBefore", core::format_datetime(target.t0 - std::chrono::hours(24)));
  core::set_attribute(copy, "NotOnOrAfter", core::format_datetime(target.t0 + std::chrono::hours(24)));
  xmlNode* restriction = core::append_element(copy, n::ns_assertion, "", "AudienceRestriction");
  core::append_element(restriction, n::ns_assertion, "", "Audience", *audience);
  if (*first == "looser") {
    xmlUnlinkNode(copy);
    xmlAddPrevSibling(*conditions, copy);
  }
  return {};
}

}  // namespace samlt::idp::mutators
