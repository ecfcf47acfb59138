// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("issuer.other_tenant changes the Response and Assertion Issuer only",
          "[mutator][issuer.other_tenant]") {
  auto m = test::idp::mutate("issuer.other_tenant");
  CHECK(m.differences == Strings{"Response/Issuer: text", "Response/Assertion/Issuer: text"});
  std::string expected = "https://sts.windows.net/f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e/";
  if (auto at = expected.find("{tid}"); at != std::string::npos) {
    expected.replace(at, 5, test::idp::k_tenant);
  }
  CHECK(core::simple_text(core::child_named(m.mutated_doc.root(), n::ns_assertion, "Issuer")) ==
        expected);
  auto* assertion = core::child_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  CHECK(core::simple_text(core::child_named(assertion, n::ns_assertion, "Issuer")) == expected);
  CHECK(samlt::idp::find_mutator("issuer.other_tenant")->expected ==
        core::Reason::response_issuer_mismatch);
}

TEST_CASE("issuer.other_tenant takes the tenant as a parameter, never this tenant",
          "[mutator][issuer.other_tenant]") {
  auto m = test::idp::mutate("issuer.other_tenant",
                             {{"tenant_id", "12345678-0000-4000-8000-000000000000"}});
  CHECK(core::simple_text(core::child_named(m.mutated_doc.root(), n::ns_assertion, "Issuer")) ==
        "https://sts.windows.net/12345678-0000-4000-8000-000000000000/");
  CHECK(
      test::idp::mutate_error("issuer.other_tenant", {{"tenant_id", test::idp::k_tenant}}).reason ==
      core::Reason::mutator_params_invalid);
}
