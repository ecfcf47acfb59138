// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

namespace {

const char* k_data = "Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @InResponseTo";

}  // namespace

TEST_CASE("in_response_to.set empties InResponseTo on the Response and the confirmation; signed",
          "[mutator][in_response_to.set]") {
  auto m = test::idp::mutate("in_response_to.set");
  CHECK(m.differences == Strings{"Response: @InResponseTo", k_data});
  CHECK(core::attribute(m.mutated_doc.root(), "InResponseTo") == "");
  CHECK(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "InResponseTo") == "");
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("in_response_to.set")->expected == core::Reason::response_in_response_to_unknown);
}

TEST_CASE("in_response_to.set on one side only, with any value", "[mutator][in_response_to.set]") {
  CHECK(test::idp::mutate("in_response_to.set", {{"where", "response"}}).differences == Strings{"Response: @InResponseTo"});
  auto confirmation = test::idp::mutate("in_response_to.set", {{"where", "confirmation"}, {"value", "_other"}});
  CHECK(confirmation.differences == Strings{k_data});
  CHECK(core::attribute(test::idp::one(confirmation.mutated_doc.root(), "SubjectConfirmationData"), "InResponseTo") ==
        "_other");
  CHECK(test::idp::mutate_error("in_response_to.set", {{"where", "assertion"}}).reason ==
        core::Reason::mutator_params_invalid);
}
