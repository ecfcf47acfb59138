// SPDX-License-Identifier: Apache-2.0
// The open-loop schedule of a load run: sign-in i is due at i / rate seconds after the start,
// whatever the SP does, and at most `concurrency` run at once. A sign-in due while every slot is
// busy waits for one, and its latency counts from when it was due, so a slow SP shows up as
// latency and not as a lower send rate (no coordinated omission).
#pragma once

#include "load/load_sign_in.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

namespace samlt::runner::load {

struct Schedule {
  double rate = 1;
  std::size_t count = 0;
  int concurrency = 1;
  // A sign-in that cannot start by then (seconds after the start) is not started: it is an error
  // (load.not_started), so a hung SP ends the run instead of stalling it.
  double start_deadline_seconds = 0;
};

using SteadyClock = std::chrono::steady_clock;

// Runs `sign_in(index, sample)` for every index on `concurrency` threads, filling each sample's
// due, started and finished times around it; `finished(sample)` is called from the worker thread
// after each one (the progress line). Returns the samples in index order.
std::vector<Sample> run_schedule(const Schedule& schedule, SteadyClock::time_point start,
                                 const std::function<void(std::size_t, Sample&)>& sign_in,
                                 const std::function<void(const Sample&)>& finished);

// The error reason of a sign-in that was never started (the run's deadline passed first).
inline constexpr const char* k_not_started = "load.not_started";

}  // namespace samlt::runner::load
