// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("assertion.expired moves only Conditions/@NotOnOrAfter into the past",
          "[mutator][assertion.expired]") {
  auto m = test::idp::mutate("assertion.expired", {{"minutes_ago", 20}});
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: @NotOnOrAfter"});
  auto value = core::parse_datetime(
      core::attribute(test::idp::one(m.mutated_doc.root(), "Conditions"), "NotOnOrAfter").value());
  REQUIRE(value);
  CHECK(*value == test::idp::now() - std::chrono::minutes(20));
  CHECK(test::idp::mutate_error("assertion.expired", {{"minutes_ago", 0}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(samlt::idp::find_mutator("assertion.expired")->expected ==
        core::Reason::conditions_expired);
}
