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

constexpr const char* k_step = "subject_confirmation.bearer";

Reason with_data(test::StepFixture& f, const std::function<void(test::ResponseParts&)>& change) {
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = change;
  f.post(spec);
  return f.reason_at(k_step);
}

}  // namespace

TEST_CASE("subject_confirmation.bearer: Entra's confirmation passes", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  REQUIRE(f.run_to(k_step, ev));
  CHECK(ev.confirmation_not_on_or_after == f.clock.now() + 60min);
}

TEST_CASE("subject_confirmation.bearer: method, data, NotBefore, Recipient", "[sp][step]") {
  test::StepFixture f;
  CHECK(with_data(f, [](auto& p) { core::set_attribute(p.confirmation, "Method", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"); }) ==
        Reason::subject_confirmation_bearer_missing);
  CHECK(with_data(f, [](auto& p) { core::remove_attribute(p.confirmation, "Method"); }) ==
        Reason::subject_confirmation_bearer_missing);
  CHECK(with_data(f, [](auto& p) { core::remove_node(p.confirmation_data); }) == Reason::subject_confirmation_data_missing);
  CHECK(with_data(f, [](auto& p) {
          for (auto name : {"NotOnOrAfter", "Recipient"}) core::remove_attribute(p.confirmation_data, name);
        }) == Reason::subject_confirmation_data_missing);
  CHECK(with_data(f, [&](auto& p) { core::set_attribute(p.confirmation_data, "NotBefore", core::format_datetime(f.clock.now() - 1min)); }) ==
        Reason::subject_confirmation_not_before_present);
  CHECK(with_data(f, [](auto& p) { core::remove_attribute(p.confirmation_data, "Recipient"); }) ==
        Reason::subject_confirmation_recipient_missing);
  CHECK(with_data(f, [](auto& p) { core::set_attribute(p.confirmation_data, "Recipient", "https://other-sp.test/acs"); }) ==
        Reason::subject_confirmation_recipient_mismatch);
}

TEST_CASE("subject_confirmation.bearer: NotOnOrAfter is required, parsed and exclusive", "[sp][step]") {
  test::StepFixture f;
  CHECK(with_data(f, [](auto& p) { core::remove_attribute(p.confirmation_data, "NotOnOrAfter"); }) ==
        Reason::subject_confirmation_not_on_or_after_missing);
  CHECK(with_data(f, [](auto& p) { core::set_attribute(p.confirmation_data, "NotOnOrAfter", "2024-02-30T00:00:00Z"); }) ==
        Reason::time_unparseable);

  core::TimePoint noa = f.clock.now() + 60min;
  f.post(test::entra_spec(f.clock.now()));
  SECTION("skew 0: exactly NotOnOrAfter is expired, 1 ms before is not") {
    f.policy.clock_skew = 0s;
    f.clock.set(noa);
    CHECK(f.reason_at(k_step) == Reason::subject_confirmation_expired);
    f.clock.set(noa - 1ms);
    sp::Evidence ev;
    CHECK(f.run_to(k_step, ev));
  }
  SECTION("skew 180 s: NotOnOrAfter + 179 s passes, + 180 s and + 181 s do not") {
    f.policy.clock_skew = 180s;
    f.clock.set(noa + 179s);
    sp::Evidence ev;
    CHECK(f.run_to(k_step, ev));
    f.clock.set(noa + 180s);
    CHECK(f.reason_at(k_step) == Reason::subject_confirmation_expired);
    f.clock.set(noa + 181s);
    CHECK(f.reason_at(k_step) == Reason::subject_confirmation_expired);
  }
}

TEST_CASE("subject_confirmation.bearer: the signed InResponseTo must match the request", "[sp][step]") {
  test::StepFixture f;
  f.expect_request("_req1");
  auto spec = test::entra_spec(f.clock.now());
  spec.in_response_to = "_req1";
  SECTION("another request (IRT-MISMATCH)") {
    spec.before_signing = [](auto& p) { core::set_attribute(p.confirmation_data, "InResponseTo", "_req2"); };
  }
  SECTION("absent from the signed confirmation") {
    spec.before_signing = [](auto& p) { core::remove_attribute(p.confirmation_data, "InResponseTo"); };
  }
  SECTION("unsolicited envelope, solicited assertion (envelope stripped, XSW-UNSIGNED-RESP-FIELDS)") {
    spec.after_signing = [](auto& p) { core::remove_attribute(p.response, "InResponseTo"); };
  }
  SECTION("unsolicited, but the confirmation carries an InResponseTo (UNSOL-WITH-IRT)") {
    spec.in_response_to.reset();
    spec.before_signing = [](auto& p) { core::set_attribute(p.confirmation_data, "InResponseTo", ""); };
  }
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::subject_confirmation_in_response_to_mismatch);
}

TEST_CASE("subject_confirmation.bearer: one valid bearer among several suffices", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("an invalid one first, then a valid one") {
    spec.before_signing = [](auto& p) {
      xmlNode* bad = xmlCopyNode(p.confirmation, 1);
      core::set_attribute(core::first_element_child(bad), "Recipient", "https://other-sp.test/acs");
      xmlAddPrevSibling(p.confirmation, bad);
    };
    f.post(spec);
    sp::Evidence ev;
    CHECK(f.run_to(k_step, ev));
  }
  SECTION("all invalid: the first failure is reported (SC-ALL-INVALID)") {
    spec.before_signing = [](auto& p) {
      xmlNode* other = xmlCopyNode(p.confirmation, 1);
      core::set_attribute(p.confirmation_data, "Recipient", "https://other-sp.test/acs");
      core::remove_attribute(core::first_element_child(other), "NotOnOrAfter");
      xmlAddNextSibling(p.confirmation, other);
    };
    f.post(spec);
    CHECK(f.reason_at(k_step) == Reason::subject_confirmation_recipient_mismatch);
  }
}
