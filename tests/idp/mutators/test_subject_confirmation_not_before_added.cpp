// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("subject_confirmation.not_before_added adds only NotBefore to the confirmation data", "[mutator][subject_confirmation.not_before_added]") {
  auto m = test::idp::mutate("subject_confirmation.not_before_added");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @NotBefore"});
  auto value = core::parse_datetime(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "NotBefore").value());
  REQUIRE(value);
  CHECK(*value == test::idp::now() - std::chrono::minutes(5));
  CHECK(samlt::idp::find_mutator("subject_confirmation.not_before_added")->expected == core::Reason::subject_confirmation_not_before_present);
}
