// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

// The values of every Attribute named `name`, one list per Attribute element.
std::vector<Strings> values_of(const core::XmlDoc& doc, std::string_view name) {
  std::vector<Strings> out;
  for (xmlNode* attribute : core::descendants_named(doc.root(), n::ns_assertion, "Attribute")) {
    if (core::attribute(attribute, "Name") == name) {
      Strings values;
      for (xmlNode* value : core::children_named(attribute, n::ns_assertion, "AttributeValue")) {
        values.push_back(core::simple_text(value).value_or(""));
      }
      out.push_back(values);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("attribute.duplicated adds two role Attributes, user and admin; signed", "[mutator][attribute.duplicated]") {
  auto m = test::idp::mutate("attribute.duplicated");
  CHECK(m.differences == Strings{"Response/Assertion/AttributeStatement: children"});
  CHECK(values_of(m.base_doc, n::claim_role).empty());
  CHECK(values_of(m.mutated_doc, n::claim_role) == std::vector<Strings>{{"user"}, {"admin"}});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("attribute.duplicated")->expected == core::Reason::attribute_duplicated);
}

TEST_CASE("attribute.duplicated email adds a second emailaddress naming the victim", "[mutator][attribute.duplicated]") {
  auto m = test::idp::mutate("attribute.duplicated", {{"name", "email"}});
  CHECK(values_of(m.mutated_doc, n::claim_email) ==
        std::vector<Strings>{{"alex.wilber@contoso.example"}, {"megan.bowen@contoso.example"}});
  CHECK(test::idp::mutate_error("attribute.duplicated", {{"name", "groups"}}).reason ==
        core::Reason::mutator_params_invalid);
}

TEST_CASE("attribute.duplicated in a second statement, and its positive form with the original removed",
          "[mutator][attribute.duplicated]") {
  auto second = test::idp::mutate("attribute.duplicated", {{"statement", "second"}});
  CHECK(test::idp::child_names(test::idp::one(second.mutated_doc.root(), "Assertion")) ==
        Strings{"Issuer", "Signature", "Subject", "Conditions", "AttributeStatement", "AttributeStatement",
                "AuthnStatement"});
  auto moved = test::idp::mutate("attribute.duplicated", {{"name", "email"},
                                                          {"victim", "alex.wilber@contoso.example"},
                                                          {"statement", "second"},
                                                          {"original", "removed"}});
  CHECK(values_of(moved.mutated_doc, n::claim_email) == std::vector<Strings>{{"alex.wilber@contoso.example"}});
  auto statements = core::children_named(test::idp::one(moved.mutated_doc.root(), "Assertion"), n::ns_assertion,
                                         "AttributeStatement");
  REQUIRE(statements.size() == 2);
  CHECK(test::idp::child_names(statements[1]) == Strings{"Attribute"});
  auto oracle = test::idp::xmlsec1_verifies(moved.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(test::idp::mutate_error("attribute.duplicated", {{"original", "removed"}}).reason ==
        core::Reason::mutator_params_invalid);
}
