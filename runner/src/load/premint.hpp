// SPDX-License-Identifier: Apache-2.0
// Pre-signed sign-ins, for a rate beyond what this machine can sign live (issue 15): each sign-in
// of the run is prepared before the timed run starts (SP-initiated: its AuthnRequest collected
// from the SP first, its browser keeping the SP's cookies), on every core, so that the timed run
// only posts them to the ACS. Entra's tokens are valid for an hour (entra-spec §1.4), which
// outlasts any run that can be pre-signed.
#pragma once

#include "load/load_sign_in.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner::load {

// At most this many sign-ins are pre-signed (each holds a signed form of several KB in memory).
inline constexpr std::size_t k_max_minted = 50'000;

// How many sign-ins per second this machine signs live: `samples` Responses issued in turn for
// `user`, their IdP step timed, times the cores.
double live_signing_rate(const SignInPlan& plan, const std::string& user, unsigned cores, int samples = 12);

struct Minted {
  std::vector<std::optional<PreparedSignIn>> sign_ins;  // by index; nullopt: preparing it failed
  std::vector<Sample> failures;                         // by index: why it failed (error samples)
  double seconds = 0;
};

// Prepares `count` sign-ins (users taken in turn) on `threads` threads.
Minted mint_sign_ins(const SignInPlan& plan, const std::vector<std::string>& users, std::size_t count, int threads);

}  // namespace samlt::runner::load
