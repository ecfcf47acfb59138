// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("element.reordered puts the Status before the Issuer, then signs", "[mutator][element.reordered]") {
  SECTION("assertion signed") {
    auto m = test::idp::mutate("element.reordered");
    CHECK(test::idp::child_names(m.mutated_doc.root()) == Strings{"Status", "Issuer", "Assertion"});
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
  SECTION("both signed: the Response Signature then goes first, and verifies") {
    auto m = test::idp::mutate("element.reordered", {}, {{"signing", "both"}});
    CHECK(test::idp::child_names(m.mutated_doc.root()) == Strings{"Signature", "Status", "Issuer", "Assertion"});
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::k_response_signature);
    INFO(oracle.output);
    CHECK(oracle.verified);
  }
  CHECK(idp::find_mutator("element.reordered")->expected == core::Reason::response_schema_invalid);
}

TEST_CASE("element.reordered puts the Conditions after the AuthnStatement, then signs", "[mutator][element.reordered]") {
  auto m = test::idp::mutate("element.reordered", {{"order", "conditions_after_authn_statement"}});
  CHECK(test::idp::child_names(test::idp::one(m.mutated_doc.root(), "Assertion")) ==
        Strings{"Issuer", "Signature", "Subject", "AttributeStatement", "AuthnStatement", "Conditions"});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(test::idp::mutate_error("element.reordered", {{"order", "other"}}).reason == core::Reason::mutator_params_invalid);
}
