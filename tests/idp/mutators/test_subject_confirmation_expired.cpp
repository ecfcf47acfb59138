// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("subject_confirmation.expired moves only SubjectConfirmationData/@NotOnOrAfter into the past", "[mutator][subject_confirmation.expired]") {
  auto m = test::idp::mutate("subject_confirmation.expired");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @NotOnOrAfter"});
  auto value = core::parse_datetime(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "NotOnOrAfter").value());
  REQUIRE(value);
  CHECK(*value == test::idp::now() - std::chrono::minutes(10));
  CHECK(test::idp::mutate_error("subject_confirmation.expired", {{"minutes_ago", 0}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(samlt::idp::find_mutator("subject_confirmation.expired")->expected == core::Reason::subject_confirmation_expired);
}
