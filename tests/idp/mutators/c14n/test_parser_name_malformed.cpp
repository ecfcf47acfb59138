// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("parser.name_malformed writes names that are not namespace-well-formed",
          "[mutator][parser.name_malformed]") {
  struct Form {
    const char* name;
    const char* text;
    core::Reason reason;
  };
  const Form forms[] = {
      {"attribute_double_colon", "<samlp:Response ::foo=\"bar\" ", core::Reason::xml_namespace_invalid},
      {"element_multi_colon", "</Issuer><samlp:Extensions><a:b:c xmlns:a=\"urn:samlt:round-trip\"/></samlp:Extensions>",
       core::Reason::xml_namespace_invalid},
      {"xmlns_empty_prefix", "<samlp:Response xmlns:=\"\" ", core::Reason::xml_namespace_invalid},
      {"undeclared_prefix", "<saml2:Assertion ", core::Reason::xml_namespace_invalid},
  };
  for (const auto& form : forms) {
    DYNAMIC_SECTION(form.name) {
      auto m = test::idp::mutate_raw({{"parser.name_malformed", {{"form", form.name}}}});
      CHECK(m.mutated.xml.find(form.text) != std::string::npos);
      auto parsed = core::parse_strict(m.mutated.xml);
      REQUIRE_FALSE(parsed);
      INFO(parsed.error().detail);
      CHECK(parsed.error().reason == form.reason);
    }
  }
  CHECK(idp::find_mutator("parser.name_malformed")->expected == core::Reason::xml_namespace_invalid);
  CHECK(test::idp::mutate_error("parser.name_malformed", {{"form", "other"}}).reason ==
        core::Reason::mutator_params_invalid);
}

TEST_CASE("parser.name_malformed undeclared_prefix renames both tags of the Assertion", "[mutator][parser.name_malformed]") {
  auto m = test::idp::mutate_raw({{"parser.name_malformed", {{"form", "undeclared_prefix"}}}});
  CHECK(m.mutated.xml.find("</saml2:Assertion></samlp:Response>") != std::string::npos);
  CHECK(m.mutated.xml.find("<Assertion ") == std::string::npos);
}
