// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("element.removed takes the Subject out by default; the signature verifies", "[mutator][element.removed]") {
  auto m = test::idp::mutate("element.removed");
  CHECK(m.differences.front() == "Response/Assertion: children");
  CHECK(test::idp::child_names(test::idp::one(m.mutated_doc.root(), "Assertion")) ==
        Strings{"Issuer", "Signature", "Conditions", "AttributeStatement", "AuthnStatement"});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("element.removed")->expected == core::Reason::subject_missing);
}

TEST_CASE("element.removed without the Assertion's Issuer: the Signature comes first and verifies",
          "[mutator][element.removed]") {
  auto m = test::idp::mutate("element.removed", {{"element", "assertion_issuer"}});
  CHECK(test::idp::child_names(test::idp::one(m.mutated_doc.root(), "Assertion")) ==
        Strings{"Signature", "Subject", "Conditions", "AttributeStatement", "AuthnStatement"});
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("element.removed reaches other places, never the document element", "[mutator][element.removed]") {
  auto data = test::idp::mutate("element.removed", {{"element", "subject_confirmation_data"}});
  CHECK(test::idp::child_names(test::idp::one(data.mutated_doc.root(), "SubjectConfirmation")) == Strings{});
  auto issuer = test::idp::mutate("element.removed", {{"element", "response_issuer"}});
  CHECK(test::idp::child_names(issuer.mutated_doc.root()) == Strings{"Status", "Assertion"});
  CHECK(test::idp::mutate_error("element.removed", {{"element", "response"}}).reason ==
        core::Reason::mutator_params_invalid);
}
