// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("recipient.removed removes only the Recipient attribute", "[mutator][recipient.removed]") {
  auto m = test::idp::mutate("recipient.removed");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @Recipient"});
  CHECK_FALSE(core::attribute(test::idp::one(m.mutated_doc.root(), "SubjectConfirmationData"), "Recipient"));
  CHECK(samlt::idp::find_mutator("recipient.removed")->expected == core::Reason::subject_confirmation_recipient_missing);
}
