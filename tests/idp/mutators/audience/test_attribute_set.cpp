// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("attribute.set empties Response/@Destination by default; both signatures verify",
          "[mutator][attribute.set]") {
  auto m = test::idp::mutate("attribute.set", {}, {{"signing", "both"}});
  CHECK(m.differences == Strings{"Response: @Destination"});
  CHECK(core::attribute(m.mutated_doc.root(), "Destination") == "");
  for (const std::string& xpath : {std::string(test::idp::k_response_signature), test::idp::assertion_signature()}) {
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, xpath);
    INFO(xpath << "\n" << oracle.output);
    CHECK(oracle.verified);
  }
  CHECK(idp::find_mutator("attribute.set")->expected == core::Reason::response_destination_mismatch);
}

TEST_CASE("attribute.set changes or adds one attribute anywhere", "[mutator][attribute.set]") {
  auto format = test::idp::mutate("attribute.set", {{"element", "assertion_issuer"},
                                                    {"attribute", "Format"},
                                                    {"value", std::string(core::names::nameid_persistent)}});
  CHECK(format.differences == Strings{"Response/Assertion/Issuer: @Format"});
  CHECK(core::attribute(test::idp::one(format.mutated_doc.root(), "Assertion"), "ID") ==
        core::attribute(test::idp::one(format.base_doc.root(), "Assertion"), "ID"));
  auto method = test::idp::mutate("attribute.set", {{"element", "subject_confirmation"},
                                                    {"attribute", "Method"},
                                                    {"value", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"}});
  CHECK(method.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation: @Method"});
  CHECK(core::attribute(test::idp::one(method.mutated_doc.root(), "SubjectConfirmation"), "Method") ==
        "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
  auto address = test::idp::mutate("attribute.set", {{"element", "subject_confirmation_data"},
                                                     {"attribute", "Address"},
                                                     {"value", "203.0.113.9"}});
  CHECK(address.differences == Strings{"Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @Address"});
  auto oracle = test::idp::xmlsec1_verifies(address.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("attribute.set refuses qualified or empty names and unknown places", "[mutator][attribute.set]") {
  CHECK(test::idp::mutate_error("attribute.set", {{"attribute", "xml:id"}}).reason == core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("attribute.set", {{"attribute", ""}}).reason == core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("attribute.set", {{"element", "signature"}}).reason == core::Reason::mutator_params_invalid);
}
