// SPDX-License-Identifier: Apache-2.0
#include "support/step_fixture.hpp"

#include "samlt/sp/validation/pipeline.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

namespace samlt::test {

sp::TrustedIdp entra_idp() {
  return sp::TrustedIdp{"entra",
                        k_idp_entity_id,
                        k_idp_sso_url,
                        k_idp_sso_url,
                        {test_credential("idp-signing").certificate, test_credential("idp-signing-next").certificate,
                         test_credential("idp-signing-expired").certificate},
                        true,
                        false};
}

StepFixture::StepFixture() : clock(test_now()) {
  trust.push_back(entra_idp());
  keys.push_back(test_credential("sp-encryption").key);
  lookup = [this](std::string_view id) -> core::Result<std::optional<sp::OutstandingRequest>> {
    auto found = outstanding.find(id);
    if (found == outstanding.end()) {
      return std::optional<sp::OutstandingRequest>();
    }
    return std::optional<sp::OutstandingRequest>(found->second);
  };
}

sp::Context StepFixture::context() const {
  m_request = raw ? *raw : sp::browser_post(form);
  return sp::Context{k_sp_entity_id, k_acs_url, k_sp_base_url, policy, relay_rules, clock.now(), m_request,
                     browser_binding, trust, lookup, keys, std::chrono::hours(8)};
}

void StepFixture::expect_request(const std::string& id) {
  outstanding[id] = sp::OutstandingRequest{id, sp::RequestKind::authn, "entra", browser_binding, "",
                                           clock.now() + std::chrono::minutes(30), false};
}

void StepFixture::post(const EntraResponseSpec& spec, const std::string& relay_state) {
  form = post_form(build_entra_response(spec), relay_state);
}

core::Result<void> StepFixture::run_to(std::string_view step_id, sp::Evidence& ev) const {
  sp::Context ctx = context();
  for (const sp::Step& step : sp::pipeline_steps()) {
    if (step.id == step_id) {
      return step.run(ctx, ev);
    }
    auto passed = step.run(ctx, ev);
    INFO("step " << step.id << " failed early: " << (passed ? "" : passed.error().detail));
    REQUIRE(passed);
  }
  FAIL("no step " << step_id);
  return {};
}

core::Reason StepFixture::reason_at(std::string_view step_id) const {
  sp::Evidence ev;
  auto result = run_to(step_id, ev);
  INFO("step " << step_id << " was expected to fail");
  REQUIRE_FALSE(result);
  UNSCOPED_INFO("step " << step_id << " failed: " << core::id(result.error().reason) << ": " << result.error().detail);
  return result.error().reason;
}

sp::Verdict StepFixture::run_all(sp::Evidence& ev) const { return sp::run_pipeline(context(), ev); }

}  // namespace samlt::test
