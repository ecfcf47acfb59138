// SPDX-License-Identifier: Apache-2.0
#include "load/premint.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace samlt::runner::load {

double live_signing_rate(const SignInPlan& plan, const std::string& user, unsigned cores, int samples) {
  SignInPlan idp_only = plan;
  idp_only.flow = Flow::idp_initiated;  // the IdP step alone: no request reaches the SP
  double total = 0;
  int counted = 0;
  for (int i = 0; i < samples; ++i) {
    Sample sample;
    if (prepare_sign_in(idp_only, user, sample)) {
      total += sample.idp_seconds;
      ++counted;
    }
  }
  return counted == 0 || total <= 0 ? 0 : static_cast<double>(std::max(1u, cores)) * counted / total;
}

Minted mint_sign_ins(const SignInPlan& plan, const std::vector<std::string>& users, std::size_t count, int threads) {
  Minted minted;
  minted.sign_ins.resize(count);
  minted.failures.resize(count);
  auto started = std::chrono::steady_clock::now();
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        minted.sign_ins[i] = prepare_sign_in(plan, users[i % users.size()], minted.failures[i]);
      } catch (const std::exception& e) {
        minted.failures[i].outcome = SampleOutcome::error;
        minted.failures[i].reason = std::string(core::id(core::Reason::internal_error));
        minted.failures[i].detail = e.what();
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::max(1, threads); ++t) {
    pool.emplace_back(worker);
  }
  worker();
  for (auto& thread : pool) {
    thread.join();
  }
  minted.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return minted;
}

}  // namespace samlt::runner::load
