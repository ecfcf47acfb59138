// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("recipient.wrong changes only the Recipient", "[mutator][recipient.wrong]") {
  auto m = test::idp::mutate("recipient.wrong");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @Recipient"});
  CHECK(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "Recipient") ==
        "https://other-sp.example/saml/acs");
  CHECK(samlt::idp::find_mutator("recipient.wrong")->expected == core::Reason::subject_confirmation_recipient_mismatch);
}
