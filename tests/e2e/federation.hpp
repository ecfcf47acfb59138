// SPDX-License-Identifier: Apache-2.0
// In-process federation for end-to-end tests (style §6.8, Lasso's login_tests): idp_sim's library
// with its default tenant and the reference SP with its default configuration, both on the test
// certificate set, joined by the IdP's real app metadata. No sockets; one FixedClock for both.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/idp/issue.hpp"
#include "samlt/sp/service_provider.hpp"
#include "support/temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace samlt::test {

struct SignIn {
  std::vector<idp::MutatorUse> mutators;
  nlohmann::json app_overrides = nlohmann::json::object();
  std::string user = "alex.wilber@contoso.example";
  bool idp_initiated = false;
  std::optional<long long> clock_offset_seconds;
};

// What one sign-in produced: the posted form and the SP's verdict.
struct Exchange {
  core::FormFields form;
  std::string browser_binding;
  sp::Verdict verdict;
};

class Federation {
 public:
  Federation();  // SP state in a fresh SQLite file under the temp folder
  core::FixedClock& clock() { return m_clock; }
  const idp::Idp& idp() const { return *m_idp; }
  sp::ServiceProvider& sp() { return *m_sp; }

  // SP-initiated (begin_login → the IdP answers the AuthnRequest exactly as received on the
  // Redirect binding) or IdP-initiated, then the SP's ACS decision. REQUIREs the IdP to issue.
  Exchange sign_in(const SignIn& request = {});

  // The IdP's answer to the AuthnRequest in `redirect_query` (or, when empty, an IdP-initiated
  // response): the form the browser would post. REQUIREs the IdP to issue.
  core::FormFields answer(const SignIn& request, const std::string& redirect_query);

  // Posts `form` again (another browser unless `browser_binding` is given).
  sp::Verdict post(const core::FormFields& form, const std::string& browser_binding = "");

  // Stops the SP and starts a new one on the same database file: a restart.
  void restart_sp();

 private:
  TempDir m_dir;
  core::FixedClock m_clock;
  std::unique_ptr<idp::Idp> m_idp;
  std::filesystem::path m_sp_config;
  std::unique_ptr<sp::ServiceProvider> m_sp;
};

std::string_view reason_id(const sp::Verdict& verdict);

}  // namespace samlt::test
