// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
using namespace std::chrono_literals;
namespace n = core::names;

namespace {

constexpr const char* k_step = "conditions.time";

// Conditions bounds at the given instants; the bearer confirmation stays valid for a day so that
// only Conditions decide.
test::EntraResponseSpec bounded(test::StepFixture& f, std::optional<core::TimePoint> not_before,
                                std::optional<core::TimePoint> not_on_or_after) {
  auto spec = test::entra_spec(f.clock.now() - 10min);
  spec.before_signing = [=, &f](test::ResponseParts& p) {
    core::set_attribute(p.confirmation_data, "NotOnOrAfter", core::format_datetime(f.clock.now() + 24h));
    core::remove_attribute(p.conditions, "NotBefore");
    core::remove_attribute(p.conditions, "NotOnOrAfter");
    if (not_before) {
      core::set_attribute(p.conditions, "NotBefore", core::format_datetime(*not_before));
    }
    if (not_on_or_after) {
      core::set_attribute(p.conditions, "NotOnOrAfter", core::format_datetime(*not_on_or_after));
    }
  };
  return spec;
}

bool passes(test::StepFixture& f) {
  sp::Evidence ev;
  return f.run_to(k_step, ev).has_value();
}

}  // namespace

TEST_CASE("conditions.time: missing or duplicated Conditions", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = [](auto& p) { core::remove_node(p.conditions); };
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::conditions_missing);
  spec.before_signing = [](auto& p) { xmlAddNextSibling(p.conditions, xmlCopyNode(p.conditions, 1)); };
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::conditions_multiple);
}

TEST_CASE("conditions.time: NotOnOrAfter is exclusive (saml-core §2.5.1.2)", "[sp][step]") {
  test::StepFixture f;
  core::TimePoint now = f.clock.now();
  SECTION("skew 0") {
    f.policy.clock_skew = 0s;
    f.post(bounded(f, std::nullopt, now));
    CHECK(f.reason_at(k_step) == Reason::conditions_expired);
    f.post(bounded(f, std::nullopt, now + 1ms));
    CHECK(passes(f));
  }
  SECTION("skew 180 s, plus and minus one second") {
    f.post(bounded(f, std::nullopt, now - 179s));
    CHECK(passes(f));
    f.post(bounded(f, std::nullopt, now - 180s));
    CHECK(f.reason_at(k_step) == Reason::conditions_expired);
    f.post(bounded(f, std::nullopt, now - 181s));
    CHECK(f.reason_at(k_step) == Reason::conditions_expired);
  }
}

TEST_CASE("conditions.time: NotBefore with the skew", "[sp][step]") {
  test::StepFixture f;
  core::TimePoint now = f.clock.now();
  f.post(bounded(f, now + 180s, now + 1h));
  CHECK(passes(f));
  f.post(bounded(f, now + 181s, now + 1h));
  CHECK(f.reason_at(k_step) == Reason::conditions_not_yet_valid);
  f.policy.clock_skew = 0s;
  f.post(bounded(f, now, now + 1h));
  CHECK(passes(f));
  f.post(bounded(f, now + 1s, now + 1h));
  CHECK(f.reason_at(k_step) == Reason::conditions_not_yet_valid);
}

TEST_CASE("conditions.time: no bounds at all is fine (POS-NO-NOTBEFORE)", "[sp][step]") {
  test::StepFixture f;
  f.post(bounded(f, std::nullopt, std::nullopt));
  CHECK(passes(f));
}

TEST_CASE("conditions.time: an unparseable bound is never 'no bound' (TIME-MALFORMED)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  auto name = GENERATE("NotBefore", "NotOnOrAfter");
  auto value = GENERATE("tomorrow", "", "2024-01-01T00:00:00");
  spec.before_signing = [=](auto& p) { core::set_attribute(p.conditions, name, value); };
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::time_unparseable);
}
