// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/codec.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("relay_state.set replaces only the RelayState field; the signed message is untouched",
          "[mutator][relay_state.set]") {
  auto m = test::idp::mutate("relay_state.set");
  CHECK(m.differences.empty());
  REQUIRE(m.mutated.form.size() == 2);
  CHECK(m.mutated.form[0] == m.base.form[0]);
  CHECK(m.base.form[1] == core::FormField{"RelayState", "relay"});
  CHECK(m.mutated.form[1] == core::FormField{"RelayState", "https://attacker.test/"});
  // HTTP-POST does not sign RelayState: the Assertion signature the attack rides on still verifies.
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(samlt::idp::find_mutator("relay_state.set")->expected == core::Reason::binding_relay_state_invalid);
}

TEST_CASE("relay_state.set: value and length", "[mutator][relay_state.set]") {
  auto script = test::idp::mutate("relay_state.set", {{"value", "\"><script>alert(1)</script>"}});
  CHECK(core::form_values(script.mutated.form, "RelayState") ==
        std::vector<std::string>{"\"><script>alert(1)</script>"});
  auto long_one = test::idp::mutate("relay_state.set", {{"value", "AB"}, {"length", 102400}});
  auto values = core::form_values(long_one.mutated.form, "RelayState");
  REQUIRE(values.size() == 1);
  CHECK(values[0].size() == 102400);
  CHECK(values[0].substr(0, 4) == "ABAB");
  CHECK(test::idp::mutate_error("relay_state.set", {{"value", ""}}).reason == core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("relay_state.set", {{"length", 0}}).reason == core::Reason::mutator_params_invalid);
}
