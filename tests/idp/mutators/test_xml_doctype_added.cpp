// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("xml.doctype_added puts a DOCTYPE before the otherwise unchanged Response", "[mutator][xml.doctype_added]") {
  auto m = test::idp::mutate("xml.doctype_added");
  CHECK(m.differences == Strings{});
  auto field = core::form_values(m.mutated.form, "SAMLResponse");
  REQUIRE(field.size() == 1);
  auto xml = core::base64_decode(field[0]);
  REQUIRE(xml);
  CHECK(xml->rfind("<!DOCTYPE Response>", 0) == 0);
  CHECK(xml->substr(19) == m.base.xml);
  CHECK(samlt::idp::find_mutator("xml.doctype_added")->expected == core::Reason::xml_doctype_forbidden);
}

namespace {

std::string posted_xml(const test::idp::Mutation& m) {
  auto field = core::form_values(m.mutated.form, "SAMLResponse");
  REQUIRE(field.size() == 1);
  auto xml = core::base64_decode(field[0]);
  REQUIRE(xml);
  return *xml;
}

}  // namespace

TEST_CASE("xml.doctype_added payloads: external entities, an external subset, nested expansion",
          "[mutator][xml.doctype_added]") {
  const std::string canary = "http://127.0.0.1:9/canary";  // unit tests plant no runner canary
  SECTION("benign: the Assertion signature still verifies (xmlsec1)") {
    auto xml = posted_xml(test::idp::mutate("xml.doctype_added", {{"payload", "benign"}}));
    auto oracle = test::idp::xmlsec1_verifies(xml, test::idp::assertion_signature());
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
  SECTION("xxe_file in the NameID") {
    auto m = test::idp::mutate("xml.doctype_added", {{"payload", "xxe_file"}});
    auto xml = posted_xml(m);
    CHECK(xml.rfind("<!DOCTYPE Response [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>", 0) == 0);
    CHECK(xml.find("\">&x;</NameID>") != std::string::npos);
    CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_doctype_forbidden);
  }
  SECTION("xxe_http in an AttributeValue, at the canary") {
    auto xml = posted_xml(test::idp::mutate("xml.doctype_added", {{"payload", "xxe_http"}, {"target", "attribute_value"}}));
    CHECK(xml.rfind("<!DOCTYPE Response [<!ENTITY x SYSTEM \"" + canary + "/xxe\">]>", 0) == 0);
    CHECK(xml.find("<AttributeValue>&x;</AttributeValue>") != std::string::npos);
  }
  SECTION("xxe_parameter and external_subset leave the signed Assertion as it was") {
    for (std::string payload : {"xxe_parameter", "external_subset"}) {
      auto m = test::idp::mutate("xml.doctype_added", {{"payload", payload}});
      auto xml = posted_xml(m);
      std::string doctype = payload == "xxe_parameter"
                                ? "<!DOCTYPE Response [<!ENTITY % xxe SYSTEM \"" + canary + "/oob\"> %xxe;]>"
                                : "<!DOCTYPE samlp:Response SYSTEM \"" + canary + "/x.dtd\">";
      CHECK(xml == doctype + m.base.xml);
      auto oracle = test::idp::xmlsec1_verifies(xml, test::idp::assertion_signature());
      INFO(payload << ": " << oracle.output);
      CHECK(oracle.verified);
      CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_doctype_forbidden);
    }
  }
  SECTION("billion_laughs: lol1 … lol9, ten references each, lol9 in an AttributeValue") {
    auto xml = posted_xml(test::idp::mutate("xml.doctype_added", {{"payload", "billion_laughs"}}));
    CHECK(xml.find("<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">") != std::string::npos);
    CHECK(xml.find("<AttributeValue>&lol9;</AttributeValue>") != std::string::npos);
    CHECK(core::parse_strict(xml).error().reason == core::Reason::xml_doctype_forbidden);
  }
  SECTION("unknown payload or target") {
    CHECK(test::idp::mutate_error("xml.doctype_added", {{"payload", "xinclude"}}).reason ==
          core::Reason::mutator_params_invalid);
    CHECK(test::idp::mutate_error("xml.doctype_added", {{"target", "issuer"}}).reason ==
          core::Reason::mutator_params_invalid);
  }
}
