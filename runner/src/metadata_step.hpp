// SPDX-License-Identifier: Apache-2.0
// The refresh_metadata step (scenario.hpp): the IdP's own signed federation metadata for the
// target's app, edited by the step's metadata mutators (attack-catalogue §14), handed to the SP
// the way its administrator would (target metadata_refresh), and judged by whether the SP took it.
// When such a scenario ends, the runner hands the SP the unedited document back.
#pragma once

#include "judge.hpp"
#include "samlt/runner/driver.hpp"
#include "samlt/runner/scenario.hpp"

#include <mutex>

namespace samlt::runner {

// The SP administrator's browser, shared by the refresh_metadata runs of one runner run (they run
// one at a time): it signs in once, not for every hand-over, and again only when the SP no longer
// knows its session.
class MetadataAdmin {
 public:
  MetadataAdmin(double timeout_seconds, const TlsSettings& tls) : browser(timeout_seconds, tls) {}
  std::mutex mutex;  // held for a whole hand-over
  Browser browser;
  bool signed_in = false;
};

// REQUIRES: context.target.metadata_refresh (need metadata_refresh, plan.cpp), and a canary for
// MetadataSource::url. Fails with the metadata mutators' or signing errors, runner.http_failed, or
// runner.sp_protocol (the admin login, the CSRF token or the url_field the step needs is missing).
// `canary_url` is the run's NO-FETCH canary, which metadata faults plant (a no_fetch expectation
// counts its hits). The admin's exchanges go into `result`.
core::Result<Judgement> run_refresh_metadata(const Step& step, const DriverContext& context,
                                             const std::string& canary_url, reports::ScenarioResult& result,
                                             std::size_t step_number);

// Hands the SP the IdP's unedited metadata, so that the next scenario meets the trust it started
// with. Fails like run_refresh_metadata, or with runner.sp_protocol when the SP refuses it.
core::Result<void> restore_metadata(const DriverContext& context, reports::ScenarioResult& result);

}  // namespace samlt::runner
