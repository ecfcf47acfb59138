// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("conditions.understood: OneTimeUse and ProxyRestriction are understood", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = [](auto& p) {
    core::append_element(p.conditions, n::ns_assertion, "", "OneTimeUse");
    core::append_element(p.conditions, n::ns_assertion, "", "ProxyRestriction");
  };
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("conditions.understood", ev));
}

TEST_CASE("conditions.understood: an unknown condition makes the Assertion invalid (COND-UNKNOWN)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = [](auto& p) {
    xmlNode* condition = core::append_element(p.conditions, n::ns_assertion, "", "Condition");
    core::set_attribute_ns(condition, n::ns_xsi, "xsi", "type", "x:FooCondition");
  };
  f.post(spec);
  CHECK(f.reason_at("conditions.understood") == Reason::conditions_condition_unknown);
}
