// SPDX-License-Identifier: Apache-2.0
// The reference SP loses nothing to a crash (issue 15): kill -9 it while sign-ins pour in, start it
// again at once, and every Response it accepted before the kill, posted again, is refused as a
// replay (replay.assertion_reused), not let in and not refused for some other reason such as
// expiry. An acceptance is only answered once its replay-cache entry is committed.
#include "federation_servers.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/idp/idp.hpp"
#include "samlt/idp/idp_config.hpp"
#include "samlt/idp/issue.hpp"
#include "samlt/runner/browser.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <mutex>
#include <thread>

using namespace samlt;

namespace {

constexpr const char* k_app_id = "00001111-aaaa-2222-bbbb-3333cccc4444";  // idp_sim/config/default.json
constexpr const char* k_user = "alex.wilber@contoso.example";

// The ACS's JSON verdict for `form`, or nullopt when the SP did not answer.
std::optional<nlohmann::json> post(runner::Browser& browser, const std::string& acs, const core::FormFields& form) {
  auto answer = browser.post_form(acs, form, {{"Accept", "application/json"}});
  if (!answer) {
    return std::nullopt;
  }
  auto json = nlohmann::json::parse(answer->body, nullptr, false);
  return json.is_object() ? std::optional(json) : std::nullopt;
}

}  // namespace

TEST_CASE("sp durability: after kill -9 under load, every accepted Response is a replay", "[integration][sp]") {
  test::FederationServers servers;
  idp::Idp idp(idp::load_idp_config(servers.idp_config()));
  core::SystemClock clock;
  std::mutex mutex;
  std::vector<core::FormFields> accepted;
  std::atomic<bool> stop{false};
  std::atomic<int> unanswered{0};
  std::atomic<int> not_issued{0};  // checked after the join: Catch2 assertions are not thread-safe
  auto sign_in_loop = [&] {
    runner::Browser browser(5.0);
    while (!stop) {
      idp::IssueRequest request;
      request.app_id = k_app_id;
      request.user = k_user;
      auto outcome = idp::issue_response(idp, request, clock.now());
      if (!outcome || !std::holds_alternative<idp::IssuedResponse>(*outcome)) {
        ++not_issued;
        return;
      }
      auto& issued = std::get<idp::IssuedResponse>(*outcome);
      auto verdict = post(browser, issued.acs_url, issued.form);
      if (!verdict) {
        ++unanswered;  // the SP is down: keep trying until the test says stop
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      if ((*verdict)["outcome"] == "accept") {
        std::lock_guard lock(mutex);
        accepted.push_back(issued.form);
      }
    }
  };
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back(sign_in_loop);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  REQUIRE(servers.crash_and_restart_sp());  // with sign-ins in flight
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  for (auto& client : clients) {
    client.join();
  }
  REQUIRE(not_issued == 0);
  INFO(accepted.size() << " accepted, " << unanswered << " posts unanswered while the SP was down");
  REQUIRE(accepted.size() >= 50);

  runner::Browser attacker(5.0);
  std::map<std::string, int> reasons;
  for (const auto& form : accepted) {
    auto verdict = post(attacker, servers.sp_base() + "/saml/acs", form);
    REQUIRE(verdict);
    ++reasons[(*verdict)["outcome"] == "accept" ? "accepted again" : (*verdict)["reason"].get<std::string>()];
  }
  CHECK(reasons == std::map<std::string, int>{{"replay.assertion_reused", static_cast<int>(accepted.size())}});
}
