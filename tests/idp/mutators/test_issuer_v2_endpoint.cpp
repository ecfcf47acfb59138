// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("issuer.v2_endpoint changes the Response and Assertion Issuer only",
          "[mutator][issuer.v2_endpoint]") {
  auto m = test::idp::mutate("issuer.v2_endpoint");
  CHECK(m.differences == Strings{"Response/Issuer: text", "Response/Assertion/Issuer: text"});
  std::string expected = "https://login.microsoftonline.com/{tid}/v2.0";
  if (auto at = expected.find("{tid}"); at != std::string::npos) {
    expected.replace(at, 5, test::idp::k_tenant);
  }
  CHECK(core::simple_text(core::child_named(m.mutated_doc.root(), n::ns_assertion, "Issuer")) ==
        expected);
  auto* assertion = core::child_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  CHECK(core::simple_text(core::child_named(assertion, n::ns_assertion, "Issuer")) == expected);
  CHECK(samlt::idp::find_mutator("issuer.v2_endpoint")->expected ==
        core::Reason::response_issuer_mismatch);
}
