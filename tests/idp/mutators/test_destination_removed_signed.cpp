// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("destination.removed_signed removes Destination and makes sure the Response is signed", "[mutator][destination.removed_signed]") {
  auto m = test::idp::mutate("destination.removed_signed");
  CHECK(m.differences == Strings{"Response: @Destination", "Response: Signature"});
  CHECK_FALSE(core::attribute(m.mutated_doc.root(), "Destination"));
  CHECK(samlt::idp::find_mutator("destination.removed_signed")->expected == core::Reason::response_destination_missing_when_signed);
}
