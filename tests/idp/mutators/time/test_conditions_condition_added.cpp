// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

TEST_CASE("conditions.condition_added appends an xsi:typed Condition the SP cannot know; signed",
          "[mutator][conditions.condition_added]") {
  auto m = test::idp::mutate("conditions.condition_added");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions: children"});
  xmlNode* conditions = test::idp::one(m.mutated_doc.root(), "Conditions");
  CHECK(test::idp::child_names(conditions) == Strings{"AudienceRestriction", "Condition"});
  xmlNode* condition = core::child_named(conditions, n::ns_assertion, "Condition");
  REQUIRE(condition != nullptr);
  xmlChar* type = xmlGetNsProp(condition, BAD_CAST "type", BAD_CAST n::ns_xsi.data());
  REQUIRE(type != nullptr);
  CHECK(std::string(reinterpret_cast<const char*>(type)) == "x:FooCondition");
  xmlFree(type);
  xmlNs* x = xmlSearchNs(m.mutated_doc.get(), condition, BAD_CAST "x");
  REQUIRE(x != nullptr);
  CHECK(std::string(reinterpret_cast<const char*>(x->href)) == "urn:samlt:condition");
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("conditions.condition_added")->expected == core::Reason::conditions_condition_unknown);
}

TEST_CASE("conditions.condition_added one_time_use appends OneTimeUse", "[mutator][conditions.condition_added]") {
  auto m = test::idp::mutate("conditions.condition_added", {{"condition", "one_time_use"}});
  CHECK(test::idp::child_names(test::idp::one(m.mutated_doc.root(), "Conditions")) ==
        Strings{"AudienceRestriction", "OneTimeUse"});
  CHECK(test::idp::mutate_error("conditions.condition_added", {{"condition", "proxy"}}).reason ==
        core::Reason::mutator_params_invalid);
}
