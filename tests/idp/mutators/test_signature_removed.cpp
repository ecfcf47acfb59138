// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("signature.removed removes the signature and nothing else", "[mutator][signature.removed]") {
  auto m = test::idp::mutate("signature.removed");
  CHECK(m.differences == Strings{"Response/Assertion: Signature"});
  CHECK(core::descendants_named(m.mutated_doc.root(), core::names::ns_dsig, "Signature").empty());
  CHECK(samlt::idp::find_mutator("signature.removed")->expected == core::Reason::assertion_unsigned);
}
