// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("in_response_to.unknown changes InResponseTo on the Response and the confirmation", "[mutator][in_response_to.unknown]") {
  auto m = test::idp::mutate("in_response_to.unknown");
  CHECK(m.differences == Strings{"Response: @InResponseTo", "Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @InResponseTo"});
  auto sent = core::attribute(m.mutated_doc.root(), "InResponseTo");
  CHECK(sent == core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "InResponseTo"));
  CHECK(sent != core::attribute(m.base_doc.root(), "InResponseTo"));
  CHECK(samlt::idp::find_mutator("in_response_to.unknown")->expected == core::Reason::response_in_response_to_unknown);
}
