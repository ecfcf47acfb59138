// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("saml_response.duplicated sends the SAMLResponse field twice, unchanged", "[mutator][saml_response.duplicated]") {
  auto m = test::idp::mutate("saml_response.duplicated");
  CHECK(m.differences == Strings{});
  auto fields = core::form_values(m.mutated.form, "SAMLResponse");
  REQUIRE(fields.size() == 2);
  CHECK(fields[0] == fields[1]);
  CHECK(samlt::idp::find_mutator("saml_response.duplicated")->expected == core::Reason::binding_saml_response_duplicated);
}
