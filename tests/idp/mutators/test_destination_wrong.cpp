// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("destination.wrong changes only the Destination", "[mutator][destination.wrong]") {
  auto m = test::idp::mutate("destination.wrong");
  CHECK(m.differences == Strings{"Response: @Destination"});
  CHECK(core::attribute(m.mutated_doc.root(), "Destination") == "https://other-sp.example/saml/acs");
  CHECK(samlt::idp::find_mutator("destination.wrong")->expected == core::Reason::response_destination_mismatch);
}
