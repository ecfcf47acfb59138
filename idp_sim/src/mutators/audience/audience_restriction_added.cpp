// SPDX-License-Identifier: Apache-2.0
// audience_restriction.added — a second AudienceRestriction, naming only another SP, after the
// one that names this SP, then signed. saml-core §2.5.1.4: each AudienceRestriction must be met on
// its own (AND across restrictions, OR only among the Audiences inside one), so the assertion is
// for nobody; an SP that stops at the first match accepts it (case AUD-MULTI-RESTRICTION,
// node-saml cb13ea6).
#include "mutators/audience/audience.hpp"
#include "mutators/locate.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> audience_restriction_added(Target& target) {
  namespace n = core::names;
  auto audience = text_param(target, "audience", "https://other-sp.example/");
  if (!audience) {
    return core::fail(audience.error());
  }
  auto first = locate(target, "audience_restriction");
  if (!first) {
    return core::fail(first.error());
  }
  xmlNode* added = core::insert_element_after(*first, n::ns_assertion, "", "AudienceRestriction");
  core::append_element(added, n::ns_assertion, "", "Audience", *audience);
  return {};
}

}  // namespace samlt::idp::mutators
