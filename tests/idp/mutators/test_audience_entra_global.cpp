// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("audience.entra_global sets the Entra-as-SP audience and nothing else",
          "[mutator][audience.entra_global]") {
  auto m = test::idp::mutate("audience.entra_global");
  CHECK(m.differences ==
        Strings{"Response/Assertion/Conditions/AudienceRestriction/Audience: text"});
  std::string expected = "urn:federation:MicrosoftOnline";
  if (auto at = expected.find("{tid}"); at != std::string::npos) {
    expected.replace(at, 5, test::idp::k_tenant);
  }
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "Audience")) == expected);
  CHECK(samlt::idp::find_mutator("audience.entra_global")->expected ==
        core::Reason::audience_restriction_audience_mismatch);
}
