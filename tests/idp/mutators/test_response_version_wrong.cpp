// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("response.version_wrong changes only the Response Version", "[mutator][response.version_wrong]") {
  auto m = test::idp::mutate("response.version_wrong");
  CHECK(m.differences == Strings{"Response: @Version"});
  CHECK(core::attribute(m.mutated_doc.root(), "Version") == "1.1");
  CHECK(samlt::idp::find_mutator("response.version_wrong")->expected == core::Reason::response_version_unsupported);
}
