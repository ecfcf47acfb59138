// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("time.malformed writes 2024-02-30T00:00:00Z into Conditions/@NotOnOrAfter by default; signed",
          "[mutator][time.malformed]") {
  auto m = test::idp::mutate("time.malformed");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: @NotOnOrAfter"});
  CHECK(core::attribute(test::idp::one(m.mutated_doc.root(), "Conditions"), "NotOnOrAfter") ==
        "2024-02-30T00:00:00Z");
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("time.malformed")->expected == core::Reason::time_unparseable);
}

TEST_CASE("time.malformed writes any value, the empty one too, into the field named", "[mutator][time.malformed]") {
  auto m = test::idp::mutate("time.malformed", {{"field", "response.issue_instant"}, {"value", ""}});
  CHECK(m.differences == Strings{"Response: @IssueInstant"});
  CHECK(core::attribute(m.mutated_doc.root(), "IssueInstant") == "");

  auto spaced = test::idp::mutate("time.malformed",
                                  {{"field", "confirmation.not_on_or_after"}, {"value", "2024-01-01 00:00:00Z"}});
  CHECK(spaced.differences ==
        Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @NotOnOrAfter"});
  CHECK(core::attribute(test::idp::one(spaced.mutated_doc.root(), "SubjectConfirmationData"), "NotOnOrAfter") ==
        "2024-01-01 00:00:00Z");
  CHECK(test::idp::mutate_error("time.malformed", {{"value", 7}}).reason == core::Reason::mutator_params_invalid);
}
