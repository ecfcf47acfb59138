// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("subject_confirmation.removed removes only the SubjectConfirmation", "[mutator][subject_confirmation.removed]") {
  auto m = test::idp::mutate("subject_confirmation.removed");
  CHECK(m.differences == Strings{"Response/Assertion/Subject: children"});
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_assertion, "SubjectConfirmation").empty());
  CHECK(samlt::idp::find_mutator("subject_confirmation.removed")->expected == core::Reason::subject_confirmation_bearer_missing);
}
