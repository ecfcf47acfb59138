// SPDX-License-Identifier: Apache-2.0
// Admission (style §6.6): the side effects after a passing pipeline, recorded in the same trace.
// replay.assertion_id, then in_response_to.consume, then account.map, then session.create.
#pragma once

#include "samlt/sp/store.hpp"
#include "samlt/sp/validation/context.hpp"
#include "samlt/sp/validation/evidence.hpp"
#include "samlt/sp/verdict.hpp"

#include <span>
#include <string_view>

namespace samlt::sp {

struct AdmissionStep {
  std::string_view id;
  core::Result<void> (*run)(const Context&, Evidence&, Store&);
};

// The admission steps in order.
std::span<const AdmissionStep> admission_steps();

// Runs the admission steps on an accepted `verdict`, appending to its trace, in one store
// transaction; the first failure turns it into a rejection, and so does a failed commit (traced
// as admission.commit). On success ev.session_id names the new session.
// Reasons: replay.assertion_reused, response.in_response_to_unknown, account.unknown,
// account.disabled, account.sso_disabled, account.idp_mismatch, store.failed.
// REQUIRES: verdict.accepted (run_pipeline passed on `ev`).
void admit(const Context& ctx, Evidence& ev, Store& store, Verdict& verdict);

// account.map on its own: the account for the verified identity in `ev`. This is the hook for
// just-in-time provisioning and the other account behaviours (mission seeds 000/004).
core::Result<Account> map_account(const Context& ctx, const Evidence& ev, Store& store);

}  // namespace samlt::sp
