// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

namespace {

core::TimePoint time_of(const xmlNode* element, std::string_view attribute) {
  auto value = core::parse_datetime(core::attribute(element, attribute).value());
  REQUIRE(value);
  return *value;
}

}  // namespace

TEST_CASE("time.shifted moves only Conditions/@NotOnOrAfter to t0 - 180 s by default; the signature verifies",
          "[mutator][time.shifted]") {
  auto m = test::idp::mutate("time.shifted");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: @NotOnOrAfter"});
  CHECK(time_of(test::idp::one(m.mutated_doc.root(), "Conditions"), "NotOnOrAfter") ==
        test::idp::now() - std::chrono::seconds(180));
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("time.shifted")->expected == core::Reason::conditions_expired);
}

TEST_CASE("time.shifted reaches every field, and adds SessionNotOnOrAfter where Entra has none",
          "[mutator][time.shifted]") {
  struct Row {
    const char* field;
    const char* element;
    const char* attribute;
    const char* difference;
  };
  const Row rows[] = {
      {"response.issue_instant", "", "IssueInstant", "Response: @IssueInstant"},
      {"assertion.issue_instant", "Assertion", "IssueInstant", "Response/Assertion: @IssueInstant"},
      {"conditions.not_before", "Conditions", "NotBefore", "Response/Assertion/Conditions: @NotBefore"},
      {"confirmation.not_before", "SubjectConfirmationData", "NotBefore",
       "Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @NotBefore"},
      {"confirmation.not_on_or_after", "SubjectConfirmationData", "NotOnOrAfter",
       "Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData: @NotOnOrAfter"},
      {"authn.authn_instant", "AuthnStatement", "AuthnInstant", "Response/Assertion/AuthnStatement: @AuthnInstant"},
      {"authn.session_not_on_or_after", "AuthnStatement", "SessionNotOnOrAfter",
       "Response/Assertion/AuthnStatement: @SessionNotOnOrAfter"},
  };
  for (const auto& row : rows) {
    DYNAMIC_SECTION(row.field) {
      auto m = test::idp::mutate("time.shifted", {{"field", row.field}, {"seconds", 7200}});
      CHECK(m.differences == Strings{row.difference});
      const xmlNode* element = std::string(row.element).empty() ? m.mutated_doc.root()
                                                                 : test::idp::one(m.mutated_doc.root(), row.element);
      CHECK(time_of(element, row.attribute) == test::idp::now() + std::chrono::hours(2));
    }
  }
}

TEST_CASE("time.shifted with the Response signed: both signatures verify", "[mutator][time.shifted]") {
  auto m = test::idp::mutate("time.shifted", {{"field", "response.issue_instant"}, {"seconds", -86400}},
                             {{"signing", "both"}});
  CHECK(m.differences == Strings{"Response: @IssueInstant"});
  for (const std::string& xpath : {std::string(test::idp::k_response_signature), test::idp::assertion_signature()}) {
    auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, xpath);
    INFO(xpath << "\n" << oracle.output);
    CHECK(oracle.verified);
  }
}

TEST_CASE("time.shifted refuses unknown fields and out-of-range seconds", "[mutator][time.shifted]") {
  CHECK(test::idp::mutate_error("time.shifted", {{"field", "conditions.until"}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("time.shifted", {{"seconds", "soon"}}).reason == core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("time.shifted", {{"seconds", 40LL * 24 * 3600}}).reason ==
        core::Reason::mutator_params_invalid);
}
