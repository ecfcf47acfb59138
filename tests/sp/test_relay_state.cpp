// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/relay_state.hpp"

#include <catch2/catch.hpp>

using namespace samlt;

TEST_CASE("relay_state: allowed targets", "[sp][relay_state]") {
  sp::RelayStateRules rules;
  rules.allowed_origins = {"https://app.example"};
  for (const char* ok : {"", "/", "/me", "/me?tab=1#x", "http://127.0.0.1:8081/me", "https://app.example/x"}) {
    INFO(ok);
    CHECK(sp::check_relay_state(ok, rules, "http://127.0.0.1:8081"));
  }
  rules.allowed_paths = {"/app/"};
  CHECK(sp::check_relay_state("/app/x", rules, "http://127.0.0.1:8081"));
  CHECK_FALSE(sp::check_relay_state("/admin", rules, "http://127.0.0.1:8081"));
}

TEST_CASE("relay_state: no open redirect, no script (BIND-RELAYSTATE-REDIRECT, -XSS)", "[sp][relay_state]") {
  sp::RelayStateRules rules;
  for (const char* evil : {"https://attacker.test/", "//attacker.test", "/\\attacker.test", "javascript:alert(1)",
                           "data:text/html,x", "http://127.0.0.1:8081@attacker.test/", "https://app.example.attacker.test/",
                           "/\tx", "\"><script>alert(1)</script>", "me"}) {
    INFO(evil);
    auto checked = sp::check_relay_state(evil, rules, "http://127.0.0.1:8081");
    REQUIRE_FALSE(checked);
    CHECK(checked.error().reason == core::Reason::binding_relay_state_invalid);
  }
  CHECK_FALSE(sp::check_relay_state("/" + std::string(100 * 1024, 'a'), rules, "http://127.0.0.1:8081"));
}
