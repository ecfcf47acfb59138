// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("conditions.removed removes only the Conditions", "[mutator][conditions.removed]") {
  auto m = test::idp::mutate("conditions.removed");
  CHECK(m.differences == Strings{"Response/Assertion: children", "Response/Assertion/Conditions: element",
                                   "Response/Assertion/AttributeStatement: element"});
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_assertion, "Conditions").empty());
  CHECK(samlt::idp::find_mutator("conditions.removed")->expected == core::Reason::conditions_missing);
}
