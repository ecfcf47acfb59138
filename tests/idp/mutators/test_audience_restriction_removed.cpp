// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("audience_restriction.removed removes only the AudienceRestriction", "[mutator][audience_restriction.removed]") {
  auto m = test::idp::mutate("audience_restriction.removed");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: children"});
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_assertion, "AudienceRestriction").empty());
  CHECK(samlt::idp::find_mutator("audience_restriction.removed")->expected == core::Reason::audience_restriction_missing);
}
