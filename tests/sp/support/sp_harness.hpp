// SPDX-License-Identifier: Apache-2.0
// A whole ServiceProvider in process (no sockets) over the test certificate set: its config, a
// store, a FixedClock, the Entra-like IdP registered from Entra-shaped metadata and the default
// accounts seeded.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/sp/service_provider.hpp"
#include "samlt/sp/sp_config.hpp"
#include "support/entra_response.hpp"

#include <memory>
#include <string>

namespace samlt::test {

// The SP's configuration for tests: the test keys, the default accounts (Alex, Megan, Yamada, a
// disabled user, an admin with password "admin-password"), base URL k_sp_base_url.
sp::SpConfig test_sp_config();

struct SpHarness {
  // Opens `db` (":memory:" by default), seeds the accounts and registers "entra" from
  // entra_metadata(). REQUIREs that all of it succeeds.
  explicit SpHarness(const std::string& db = ":memory:", sp::SpConfig config = test_sp_config());

  core::FixedClock clock;
  std::unique_ptr<sp::ServiceProvider> sp;

  // An SP-initiated login from `browser`; returns the AuthnRequest ID to answer.
  std::string begin_login(const std::string& browser = "browser-1", const std::string& relay_state = {});
  // Posts `spec` to the ACS from `browser`.
  sp::Verdict post(const EntraResponseSpec& spec, const std::string& browser = "browser-1",
                   const std::string& relay_state = {});
};

}  // namespace samlt::test
