// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("assertion.duplicated appends a renamed copy of the signed Assertion", "[mutator][assertion.duplicated]") {
  auto m = test::idp::mutate("assertion.duplicated");
  CHECK(m.differences == Strings{"Response: children"});
  auto assertions = core::children_named(m.mutated_doc.root(), core::names::ns_assertion, "Assertion");
  REQUIRE(assertions.size() == 2);
  CHECK(core::attribute(assertions[0], "ID") != core::attribute(assertions[1], "ID"));
  CHECK(samlt::idp::find_mutator("assertion.duplicated")->expected == core::Reason::assertion_multiple);
}
