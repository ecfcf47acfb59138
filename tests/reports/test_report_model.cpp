// SPDX-License-Identifier: Apache-2.0
#include "report_fixture.hpp"

#include "samlt/reports/report_model.hpp"

#include <catch2/catch.hpp>

using namespace samlt::reports;

TEST_CASE("summarize counts scenarios by status", "[reports]") {
  const Summary summary = summarize(test::sample_report());
  CHECK(summary.total == 5);
  CHECK(summary.passed == 3);
  CHECK(summary.failed == 1);
  CHECK(summary.errors == 1);
}

TEST_CASE("summarize of an empty run is all zero", "[reports]") {
  const Summary summary = summarize(RunReport{});
  CHECK(summary.total == 0);
  CHECK(summary.passed == 0);
  CHECK(summary.failed == 0);
  CHECK(summary.errors == 0);
}

TEST_CASE("outcome and status ids are the report words", "[reports]") {
  CHECK(outcome_id(Outcome::accept) == "accept");
  CHECK(outcome_id(Outcome::reject) == "reject");
  CHECK(outcome_id(Outcome::none) == "none");
  CHECK(status_id(Status::passed) == "passed");
  CHECK(status_id(Status::failed) == "failed");
  CHECK(status_id(Status::error) == "error");
}

TEST_CASE("describe joins outcome, reason, step and HTTP status", "[reports]") {
  CHECK(describe(Expectation{Outcome::reject, "conditions.expired"}) ==
        "reject/conditions.expired");
  CHECK(describe(Expectation{Outcome::accept, std::nullopt}) == "accept");
  CHECK(describe(Observation{Outcome::reject, "conditions.expired", "conditions.time", 403, "x"}) ==
        "reject/conditions.expired at conditions.time (HTTP 403)");
  CHECK(describe(Observation{Outcome::accept, std::nullopt, std::nullopt, 302, ""}) ==
        "accept (HTTP 302)");
  CHECK(describe(Observation{}) == "none");
}
