// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("issuer.assertion_other changes only the Assertion's Issuer", "[mutator][issuer.assertion_other]") {
  auto m = test::idp::mutate("issuer.assertion_other");
  CHECK(m.differences == Strings{"Response/Assertion/Issuer: text"});
  auto response_issuer = [](const core::XmlDoc& doc) {
    return core::simple_text(core::child_named(doc.root(), core::names::ns_assertion, "Issuer"));
  };
  CHECK(response_issuer(m.mutated_doc) == response_issuer(m.base_doc));  // the Response's is unchanged
  CHECK(samlt::idp::find_mutator("issuer.assertion_other")->expected == core::Reason::assertion_issuer_mismatch);
}
