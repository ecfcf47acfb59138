// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("assertion.unsigned removes every signature and nothing else",
          "[mutator][assertion.unsigned]") {
  for (std::string signing : {"assertion", "response", "both"}) {
    auto m =
        test::idp::mutate("assertion.unsigned", nlohmann::json::object(), {{"signing", signing}});
    Strings expected;
    if (signing != "assertion") {
      expected.push_back("Response: Signature");
    }
    if (signing != "response") {
      expected.push_back("Response/Assertion: Signature");
    }
    CHECK(m.differences == expected);
    CHECK(m.mutated.xml.find("Signature") == std::string::npos);
  }
  CHECK(samlt::idp::find_mutator("assertion.unsigned")->expected ==
        core::Reason::assertion_unsigned);
}
