// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("subject_confirmation.in_response_to_mismatch changes only the confirmation's InResponseTo", "[mutator][subject_confirmation.in_response_to_mismatch]") {
  auto m = test::idp::mutate("subject_confirmation.in_response_to_mismatch");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @InResponseTo"});
  CHECK(core::attribute(m.mutated_doc.root(), "InResponseTo") == core::attribute(m.base_doc.root(), "InResponseTo"));
  CHECK(samlt::idp::find_mutator("subject_confirmation.in_response_to_mismatch")->expected == core::Reason::subject_confirmation_in_response_to_mismatch);
}
