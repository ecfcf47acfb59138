// SPDX-License-Identifier: Apache-2.0
#include "support/sp_harness.hpp"

#include "support/metadata_samples.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

namespace samlt::test {

sp::SpConfig test_sp_config() {
  sp::SpConfig config;
  config.entity_id = k_sp_entity_id;
  config.base_url = k_sp_base_url;
  config.signing = test_credential("sp-signing");
  config.encryption = test_credential("sp-encryption");
  config.accounts = {
      {"alex.wilber@contoso.example", "Alex Wilber", "user", true, true, "entra", ""},
      {"megan.bowen@contoso.example", "Megan Bowen", "user", true, true, "entra", ""},
      {"yamada.taro@contoso.example", "山田 太郎", "user", true, true, "entra", ""},
      {"disabled.user@contoso.example", "Disabled User", "user", false, true, "entra", ""},
      {"admin@sp.example", "SP Administrator", "admin", true, false, "", "admin-password"},
  };
  return config;
}

SpHarness::SpHarness(const std::string& db, sp::SpConfig config) : clock(test_now()) {
  auto store = sp::Store::open(db);
  REQUIRE(store);
  sp = std::make_unique<sp::ServiceProvider>(std::move(config), std::move(*store), clock, sp::null_log_sink());
  REQUIRE(sp->seed_accounts());
  auto idp = sp->list_idps();
  REQUIRE(idp);
  if (idp->empty()) {
    auto registered = sp->register_idp_from_metadata("entra", entra_metadata());
    INFO((registered ? "" : registered.error().detail));
    REQUIRE(registered);
  }
}

std::string SpHarness::begin_login(const std::string& browser, const std::string& relay_state) {
  auto login = sp->begin_login("entra", relay_state, browser);
  REQUIRE(login);
  return login->request_id;
}

sp::Verdict SpHarness::post(const EntraResponseSpec& spec, const std::string& browser, const std::string& relay_state) {
  return sp->consume_acs_post(post_form(build_entra_response(spec), relay_state), browser);
}

}  // namespace samlt::test
