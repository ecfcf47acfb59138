// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("xml.pretty_printed indents between elements and never inside text", "[mutator][xml.pretty_printed]") {
  auto m = test::idp::mutate("xml.pretty_printed");
  CHECK(m.differences == Strings{});  // same elements, attributes and text
  CHECK(m.mutated.xml.find("<samlp:Response ") == 0);
  CHECK(m.mutated.xml.find(">\n  <Issuer") != std::string::npos);
  CHECK(m.mutated.xml.find("\n    <Subject>\n      <NameID") != std::string::npos);
  CHECK(m.mutated.xml.find(">alex.wilber@contoso.example</NameID>\n") != std::string::npos);
  const std::string end = "\n  </Assertion>\n</samlp:Response>";
  CHECK(m.mutated.xml.substr(m.mutated.xml.size() - end.size()) == end);
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature()).verified);
  CHECK(idp::find_mutator("xml.pretty_printed")->expected == core::Reason::signature_digest_mismatch);
}

TEST_CASE("xml.pretty_printed with resign: the indented message verifies as it stands (xmlsec1)",
          "[mutator][xml.pretty_printed]") {
  for (std::string signing : {"assertion", "response", "both"}) {
    DYNAMIC_SECTION(signing) {
      auto m = test::idp::mutate("xml.pretty_printed", {{"resign", true}}, {{"signing", signing}});
      if (signing != "response") {
        auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
        INFO(oracle.output);
        CHECK(oracle.verified);
      }
      if (signing != "assertion") {
        auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
        INFO(oracle.output);
        CHECK(oracle.verified);
      }
    }
  }
}
