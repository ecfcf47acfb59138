// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

TEST_CASE("xml.nesting_deepened nests 100000 elements in an Extensions after the Response Issuer",
          "[mutator][xml.nesting_deepened]") {
  auto m = test::idp::mutate_raw({{"xml.nesting_deepened", nlohmann::json::object()}});
  const std::string& xml = m.mutated.xml;
  CHECK(xml.size() == m.base.xml.size() + 100000 * 11 + std::string("<samlp:Extensions></samlp:Extensions>").size() +
                          std::string(" xmlns:x=\"urn:samlt:deep\"").size());
  CHECK(xml.find("</Issuer><samlp:Extensions><x:d xmlns:x=\"urn:samlt:deep\"><x:d><x:d>") != std::string::npos);
  CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_too_deep);
  CHECK(idp::find_mutator("xml.nesting_deepened")->expected == core::Reason::xml_too_deep);
}

TEST_CASE("xml.nesting_deepened leaves the signed Assertion alone (xmlsec1, at a depth it parses)",
          "[mutator][xml.nesting_deepened]") {
  auto m = test::idp::mutate_raw({{"xml.nesting_deepened", {{"depth", 100}}}});
  auto doc = core::parse_strict(m.mutated.xml, core::ParseLimits{4 * 1024 * 1024, 1000});
  REQUIRE(doc);
  auto children = test::idp::child_names(doc->root());
  CHECK(children == std::vector<std::string>{"Issuer", "Extensions", "Status", "Assertion"});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(test::idp::mutate_error("xml.nesting_deepened", {{"depth", 0}}).reason == core::Reason::mutator_params_invalid);
}
