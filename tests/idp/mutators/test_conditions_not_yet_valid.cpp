// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("conditions.not_yet_valid moves only Conditions/@NotBefore into the future", "[mutator][conditions.not_yet_valid]") {
  auto m = test::idp::mutate("conditions.not_yet_valid");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: @NotBefore"});
  auto value = core::parse_datetime(core::attribute(test::idp::one(m.mutated_doc.root(), "Conditions"), "NotBefore").value());
  REQUIRE(value);
  CHECK(*value == test::idp::now() + std::chrono::minutes(10));
  CHECK(samlt::idp::find_mutator("conditions.not_yet_valid")->expected == core::Reason::conditions_not_yet_valid);
}
