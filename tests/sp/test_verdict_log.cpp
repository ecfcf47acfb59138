// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/verdict_log.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace samlt;

namespace {

sp::Verdict verdict(std::string id, core::Reason reason = core::Reason::audience_restriction_audience_mismatch) {
  sp::Verdict v;
  v.request_id = std::move(id);
  v.reason = reason;
  v.step = "audience_restriction.audience";
  return v;
}

const core::TimePoint k_now = core::TimePoint(core::Millis(1'700'000'000'000));

}  // namespace

TEST_CASE("verdict log: a decision is found by its request id, with its time", "[sp][verdicts]") {
  sp::VerdictLog log;
  log.add(verdict("r1"), k_now);
  auto found = log.find("r1");
  REQUIRE(found);
  CHECK(found->verdict.reason == core::Reason::audience_restriction_audience_mismatch);
  CHECK(found->verdict.step == "audience_restriction.audience");
  CHECK(found->decided_at == k_now);
  CHECK_FALSE(log.find("r2"));
}

TEST_CASE("verdict log: bounded, the oldest decision goes first", "[sp][verdicts]") {
  sp::VerdictLog log(3);
  for (int i = 1; i <= 5; ++i) {
    log.add(verdict("r" + std::to_string(i)), k_now);
  }
  CHECK(log.size() == 3);
  CHECK_FALSE(log.find("r1"));
  CHECK_FALSE(log.find("r2"));
  CHECK(log.find("r3"));
  CHECK(log.find("r5"));
}

TEST_CASE("verdict log: a repeated request id replaces the earlier decision", "[sp][verdicts]") {
  sp::VerdictLog log(2);
  log.add(verdict("r1"), k_now);
  log.add(verdict("r1", core::Reason::replay_assertion_reused), k_now);
  REQUIRE(log.find("r1"));
  CHECK(log.find("r1")->verdict.reason == core::Reason::replay_assertion_reused);
  CHECK(log.size() == 1);
  // The replaced entry ages out without taking the newer one with it.
  log.add(verdict("r2"), k_now);
  CHECK(log.find("r1"));
  CHECK(log.find("r2"));
  log.add(verdict("r3"), k_now);
  CHECK_FALSE(log.find("r1"));
  CHECK(log.find("r2"));
  CHECK(log.find("r3"));
}
