// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("parser.nul_injected: the signed Response, a NUL byte, then a forged copy",
          "[mutator][parser.nul_injected]") {
  auto m = test::idp::mutate_raw({{"parser.nul_injected", nlohmann::json::object()}}, {{"signing", "response"}});
  const std::string& xml = m.mutated.xml;
  REQUIRE(xml.size() > m.base.xml.size() + 1);
  CHECK(xml.substr(0, m.base.xml.size()) == m.base.xml);
  CHECK(xml[m.base.xml.size()] == '\0');
  auto forged = core::parse_strict(xml.substr(m.base.xml.size() + 1));
  REQUIRE(forged);
  CHECK(core::simple_text(test::idp::one(forged->root(), "NameID")) == "megan.bowen@contoso.example");
  // What a strlen() view holds: the signed original, which verifies.
  auto oracle = test::idp::xmlsec1_verifies(std::string(xml.c_str()), test::idp::k_response_signature);
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_malformed);
  CHECK(idp::find_mutator("parser.nul_injected")->expected == core::Reason::xml_malformed);
}

TEST_CASE("parser.nul_injected inside the NameID: the victim's address, a NUL, the issued text",
          "[mutator][parser.nul_injected]") {
  auto m = test::idp::mutate_raw({{"parser.nul_injected", {{"place", "inside_name_id"}}}});
  std::string expected = std::string(">megan.bowen@contoso.example") + '\0' + "alex.wilber@contoso.example</NameID>";
  CHECK(m.mutated.xml.find(expected) != std::string::npos);
  CHECK(m.mutated.xml.size() == m.base.xml.size() + std::string("megan.bowen@contoso.example").size() + 1);
  CHECK(core::parse_strict(m.mutated.xml).error().reason == core::Reason::xml_malformed);
  CHECK(test::idp::mutate_error("parser.nul_injected", {{"place", "issuer"}}).reason ==
        core::Reason::mutator_params_invalid);
}
