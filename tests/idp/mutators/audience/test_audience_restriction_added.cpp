// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("audience_restriction.added puts a second restriction for another SP after the first; signed",
          "[mutator][audience_restriction.added]") {
  auto m = test::idp::mutate("audience_restriction.added");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: children"});
  auto restrictions =
      core::children_named(test::idp::one(m.mutated_doc.root(), "Conditions"), n::ns_assertion, "AudienceRestriction");
  REQUIRE(restrictions.size() == 2);
  CHECK(core::simple_text(core::child_named(restrictions[0], n::ns_assertion, "Audience")) == test::idp::k_entity_id);
  CHECK(test::idp::child_names(restrictions[1]) == Strings{"Audience"});
  CHECK(core::simple_text(core::child_named(restrictions[1], n::ns_assertion, "Audience")) ==
        "https://other-sp.example/");
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("audience_restriction.added")->expected == core::Reason::audience_restriction_audience_mismatch);
}
