// SPDX-License-Identifier: Apache-2.0
// What every step test needs (style §6.6 "test per step"): a Context over a FixedClock, the test
// keys and a trust store holding the Entra-like IdP, plus a way to run the pipeline up to the step
// under test, so later steps get the VerifiedAssertion only signature.assertion can make.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/sp/policy.hpp"
#include "samlt/sp/sp_config.hpp"
#include "samlt/sp/trust.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"
#include "samlt/sp/verdict.hpp"
#include "support/entra_response.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace samlt::test {

// The Entra-like IdP: the active, rollover and expired signing certificates (entra-spec §2).
sp::TrustedIdp entra_idp();

struct StepFixture {
  StepFixture();

  core::FixedClock clock;
  sp::Policy policy;
  sp::RelayStateRules relay_rules;
  sp::TrustStore trust;
  std::map<std::string, sp::OutstandingRequest, std::less<>> outstanding;
  sp::OutstandingLookup lookup;
  std::string browser_binding = "browser-1";
  core::FormFields form;  // posted as a browser does (sp::browser_post) unless `raw` is set
  std::optional<sp::AcsRequest> raw;  // the HTTP request as received, when a test builds it
  std::vector<core::PrivateKey> keys;

  // A Context over the members; valid while the fixture lives and is not moved.
  sp::Context context() const;

  // An AuthnRequest `id` this SP sent to the IdP from browser_binding, unexpired.
  void expect_request(const std::string& id);

  // Builds `spec` and posts it (the fixture's form).
  void post(const EntraResponseSpec& spec, const std::string& relay_state = {});

  // Runs every pipeline step before `step_id` (each REQUIREd to pass), then `step_id`.
  core::Result<void> run_to(std::string_view step_id, sp::Evidence& ev) const;
  // The reason `step_id` fails with (REQUIREs that it fails).
  core::Reason reason_at(std::string_view step_id) const;
  // Runs the whole pipeline.
  sp::Verdict run_all(sp::Evidence& ev) const;

 private:
  mutable sp::AcsRequest m_request;  // what context() refers to
};

}  // namespace samlt::test
