// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("authn_statement.removed removes only the AuthnStatement", "[mutator][authn_statement.removed]") {
  auto m = test::idp::mutate("authn_statement.removed");
  CHECK(m.differences == Strings{"Response/Assertion: children"});
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_assertion, "AuthnStatement").empty());
  CHECK(samlt::idp::find_mutator("authn_statement.removed")->expected == core::Reason::authn_statement_missing);
}
