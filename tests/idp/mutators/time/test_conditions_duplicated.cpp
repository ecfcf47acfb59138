// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("conditions.duplicated adds a looser Conditions for another SP after the real one; signed",
          "[mutator][conditions.duplicated]") {
  auto m = test::idp::mutate("conditions.duplicated");
  xmlNode* assertion = test::idp::one(m.mutated_doc.root(), "Assertion");
  auto all = core::children_named(assertion, n::ns_assertion, "Conditions");
  REQUIRE(all.size() == 2);
  xmlNode* original = test::idp::one(m.base_doc.root(), "Conditions");
  CHECK(core::attribute(all[0], "NotOnOrAfter") == core::attribute(original, "NotOnOrAfter"));
  CHECK(core::attribute(all[1], "NotOnOrAfter") == core::format_datetime(test::idp::now() + std::chrono::hours(24)));
  CHECK(core::attribute(all[1], "NotBefore") == core::format_datetime(test::idp::now() - std::chrono::hours(24)));
  CHECK(core::simple_text(core::descendants_named(all[1], n::ns_assertion, "Audience").at(0)) ==
        "https://other-sp.example/");
  CHECK(test::idp::child_names(assertion) ==
        Strings{"Issuer", "Signature", "Subject", "Conditions", "Conditions", "AttributeStatement", "AuthnStatement"});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("conditions.duplicated")->expected == core::Reason::conditions_multiple);
}

TEST_CASE("conditions.duplicated with first looser puts the copy first", "[mutator][conditions.duplicated]") {
  auto m = test::idp::mutate("conditions.duplicated", {{"first", "looser"}, {"audience", "urn:x"}});
  auto all = core::children_named(test::idp::one(m.mutated_doc.root(), "Assertion"), n::ns_assertion, "Conditions");
  REQUIRE(all.size() == 2);
  CHECK(core::simple_text(core::descendants_named(all[0], n::ns_assertion, "Audience").at(0)) == "urn:x");
  CHECK(core::attribute(all[1], "NotOnOrAfter") ==
        core::attribute(test::idp::one(m.base_doc.root(), "Conditions"), "NotOnOrAfter"));
  CHECK(test::idp::mutate_error("conditions.duplicated", {{"first", "last"}}).reason ==
        core::Reason::mutator_params_invalid);
}
