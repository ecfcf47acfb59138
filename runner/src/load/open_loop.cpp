// SPDX-License-Identifier: Apache-2.0
#include "load/open_loop.hpp"

#include <atomic>
#include <thread>

namespace samlt::runner::load {
namespace {

double seconds_between(SteadyClock::time_point from, SteadyClock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

std::vector<Sample> run_schedule(const Schedule& schedule, SteadyClock::time_point start,
                                 const std::function<void(std::size_t, Sample&)>& sign_in,
                                 const std::function<void(const Sample&)>& finished) {
  std::vector<Sample> samples(schedule.count);
  std::atomic<std::size_t> next{0};
  auto deadline = start + std::chrono::duration_cast<SteadyClock::duration>(
                              std::chrono::duration<double>(schedule.start_deadline_seconds));
  // Each thread takes the next sign-in in order, sleeps until it is due (a thread that frees up
  // late takes the overdue one at once), and runs it.
  auto worker = [&] {
    for (std::size_t i = next++; i < schedule.count; i = next++) {
      Sample& sample = samples[i];
      sample.due = static_cast<double>(i) / schedule.rate;
      auto due = start + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(sample.due));
      std::this_thread::sleep_until(due);
      auto now = SteadyClock::now();
      sample.started = seconds_between(start, now);
      if (now > deadline) {
        sample.outcome = SampleOutcome::error;
        sample.reason = k_not_started;
        sample.detail = "due at " + std::to_string(sample.due) + " s, no slot was free before the run's end";
      } else {
        sign_in(i, sample);
      }
      sample.finished = seconds_between(start, SteadyClock::now());
      finished(sample);
    }
  };
  std::vector<std::thread> pool;
  int threads = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(schedule.concurrency), schedule.count));
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back(worker);
  }
  worker();
  for (auto& thread : pool) {
    thread.join();
  }
  return samples;
}

}  // namespace samlt::runner::load
