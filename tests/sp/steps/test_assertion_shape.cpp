// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_time.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

Reason with_assertion(test::StepFixture& f, const std::function<void(test::ResponseParts&)>& change) {
  auto spec = test::entra_spec(f.clock.now());
  spec.after_signing = change;  // shape is checked before the signature: a broken shape never gets that far
  f.post(spec);
  return f.reason_at("assertion.shape");
}

}  // namespace

TEST_CASE("assertion.shape: ID, Version 2.0, IssueInstant", "[sp][step]") {
  test::StepFixture f;
  CHECK(with_assertion(f, [](auto& p) { core::remove_attribute(p.assertion, "ID"); }) == Reason::assertion_id_missing);
  CHECK(with_assertion(f, [](auto& p) { core::set_attribute(p.assertion, "ID", " "); }) == Reason::assertion_id_missing);
  CHECK(with_assertion(f, [](auto& p) { core::set_attribute(p.assertion, "Version", "2.1"); }) ==
        Reason::assertion_version_unsupported);
  CHECK(with_assertion(f, [](auto& p) { core::remove_attribute(p.assertion, "IssueInstant"); }) == Reason::time_unparseable);
  CHECK(with_assertion(f, [](auto& p) { core::set_attribute(p.assertion, "IssueInstant", "2024-13-01T00:00:00Z"); }) ==
        Reason::time_unparseable);
}

TEST_CASE("assertion.shape: IssueInstant in the future beyond the skew", "[sp][step]") {
  test::StepFixture f;
  core::TimePoint later = f.clock.now() + std::chrono::seconds(181);
  CHECK(with_assertion(f, [&](auto& p) { core::set_attribute(p.assertion, "IssueInstant", core::format_datetime(later)); }) ==
        Reason::time_issued_in_future);
}

TEST_CASE("assertion.shape: a valid Entra Assertion passes", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to("assertion.shape", ev));
}
