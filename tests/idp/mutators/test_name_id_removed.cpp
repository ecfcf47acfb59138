// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("name_id.removed removes only the NameID", "[mutator][name_id.removed]") {
  auto m = test::idp::mutate("name_id.removed");
  CHECK(m.differences == Strings{"Response/Assertion/Subject: children", "Response/Assertion/Subject/NameID: element"});
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_assertion, "NameID").empty());
  CHECK(samlt::idp::find_mutator("name_id.removed")->expected == core::Reason::subject_name_id_missing);
}
