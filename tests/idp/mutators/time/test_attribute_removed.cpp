// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("attribute.removed takes NotOnOrAfter off the bearer confirmation data by default; signed",
          "[mutator][attribute.removed]") {
  auto m = test::idp::mutate("attribute.removed");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @NotOnOrAfter"});
  CHECK_FALSE(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "NotOnOrAfter"));
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("attribute.removed")->expected == core::Reason::subject_confirmation_not_on_or_after_missing);
}

TEST_CASE("attribute.removed takes several attributes off any place", "[mutator][attribute.removed]") {
  auto m = test::idp::mutate("attribute.removed",
                             {{"element", "conditions"}, {"attributes", {"NotBefore", "NotOnOrAfter"}}});
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: @NotBefore", "Response/Assertion/Conditions: @NotOnOrAfter"});
  auto destination = test::idp::mutate("attribute.removed", {{"element", "response"}, {"attributes", "Destination"}});
  CHECK(destination.differences == Strings{"Response: @Destination"});
  auto method = test::idp::mutate("attribute.removed", {{"element", "subject_confirmation"}, {"attributes", "Method"}});
  CHECK(method.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation: @Method"});
}

TEST_CASE("attribute.removed refuses unknown places and absent attributes", "[mutator][attribute.removed]") {
  CHECK(test::idp::mutate_error("attribute.removed", {{"element", "nowhere"}}).reason == core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("attribute.removed", {{"attributes", "Address"}}).reason == core::Reason::mutator_not_applicable);
  CHECK(test::idp::mutate_error("attribute.removed", {{"attributes", nlohmann::json::array()}}).reason ==
        core::Reason::mutator_params_invalid);
}
