// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("response.addressed_to_other_sp names SP-X in Audience, Recipient and Destination; signed",
          "[mutator][response.addressed_to_other_sp]") {
  auto m = test::idp::mutate("response.addressed_to_other_sp");
  CHECK(m.differences ==
        Strings{"Response: @Destination",
                "Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @Recipient",
                "Response/Assertion/Conditions/AudienceRestriction/Audience: text"});
  CHECK(core::attribute(m.mutated_doc.root(), "Destination") == "https://other-sp.example/saml/acs");
  CHECK(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "Recipient") ==
        "https://other-sp.example/saml/acs");
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "Audience")) == "https://other-sp.example/");
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("response.addressed_to_other_sp")->expected == core::Reason::response_destination_mismatch);
}

TEST_CASE("response.addressed_to_other_sp with destination removed drops the envelope's Destination",
          "[mutator][response.addressed_to_other_sp]") {
  auto m = test::idp::mutate("response.addressed_to_other_sp", {{"destination", "removed"}});
  CHECK_FALSE(core::attribute(m.mutated_doc.root(), "Destination"));
  CHECK(test::idp::mutate_error("response.addressed_to_other_sp", {{"destination", "other"}}).reason ==
        core::Reason::mutator_params_invalid);
}
