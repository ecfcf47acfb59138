// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("audience.wrong changes only the Audience", "[mutator][audience.wrong]") {
  auto m = test::idp::mutate("audience.wrong");
  CHECK(m.differences ==
        Strings{"Response/Assertion/Conditions/AudienceRestriction/Audience: text"});
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "Audience")) ==
        "https://other-sp.example/");
  m = test::idp::mutate("audience.wrong", {{"audience", "urn:another:sp"}});
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "Audience")) == "urn:another:sp");
  CHECK(samlt::idp::find_mutator("audience.wrong")->expected ==
        core::Reason::audience_restriction_audience_mismatch);
  CHECK(test::idp::mutate_error("audience.wrong", {{"audience", 3}}).reason ==
        core::Reason::mutator_params_invalid);
}
