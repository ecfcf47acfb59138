// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

Reason with_root(test::StepFixture& f, const std::function<void(test::ResponseParts&)>& change) {
  auto spec = test::entra_spec(f.clock.now());
  spec.after_signing = change;  // the envelope is unsigned by default: changed as an attacker would
  f.post(spec);
  return f.reason_at("response.shape");
}

}  // namespace

TEST_CASE("response.shape: the root must be samlp:Response", "[sp][step]") {
  test::StepFixture f;
  f.form = test::post_form_of("<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a\"/>");
  CHECK(f.reason_at("response.shape") == Reason::response_not_a_response);
  f.form = test::post_form_of("<Response xmlns=\"urn:evil\" ID=\"_r\" Version=\"2.0\"/>");
  CHECK(f.reason_at("response.shape") == Reason::response_not_a_response);
}

TEST_CASE("response.shape: Version 2.0, ID and IssueInstant", "[sp][step]") {
  test::StepFixture f;
  CHECK(with_root(f, [](auto& p) { core::set_attribute(p.response, "Version", "1.1"); }) ==
        Reason::response_version_unsupported);
  CHECK(with_root(f, [](auto& p) { core::remove_attribute(p.response, "Version"); }) ==
        Reason::response_version_unsupported);
  CHECK(with_root(f, [](auto& p) { core::remove_attribute(p.response, "ID"); }) == Reason::response_id_missing);
  CHECK(with_root(f, [](auto& p) { core::set_attribute(p.response, "ID", ""); }) == Reason::response_id_missing);
  CHECK(with_root(f, [](auto& p) { core::remove_attribute(p.response, "IssueInstant"); }) ==
        Reason::response_issue_instant_missing);
  for (const char* bad : {"2024-02-30T00:00:00Z", "tomorrow", "", "2024-01-01T00:00:00", "2024-01-01 00:00:00Z"}) {
    INFO(bad);
    CHECK(with_root(f, [&](auto& p) { core::set_attribute(p.response, "IssueInstant", bad); }) ==
          Reason::time_unparseable);
  }
}

TEST_CASE("response.shape: IssueInstant in the future beyond the skew", "[sp][step]") {
  test::StepFixture f;
  auto at = [&](std::chrono::seconds ahead) {
    return [=, &f](test::ResponseParts& p) {
      core::set_attribute(p.response, "IssueInstant", core::format_datetime(f.clock.now() + ahead));
    };
  };
  CHECK(with_root(f, at(std::chrono::hours(1))) == Reason::time_issued_in_future);
  CHECK(with_root(f, at(std::chrono::seconds(181))) == Reason::time_issued_in_future);
  auto spec = test::entra_spec(f.clock.now());
  spec.after_signing = at(std::chrono::seconds(180));
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("response.shape", ev));
}
