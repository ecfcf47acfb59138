// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("response.status: Success passes", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to("response.status", ev));
}

TEST_CASE("response.status: missing Status or StatusCode is status.missing", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("no Status") {
    spec.after_signing = [](auto& p) { core::remove_node(core::child_named(p.response, n::ns_protocol, "Status")); };
  }
  SECTION("no StatusCode") {
    spec.after_signing = [](auto& p) {
      xmlNode* status = core::child_named(p.response, n::ns_protocol, "Status");
      core::remove_node(core::child_named(status, n::ns_protocol, "StatusCode"));
    };
  }
  f.post(spec);
  CHECK(f.reason_at("response.status") == Reason::status_missing);
}

TEST_CASE("response.status: anything but the Success URI is status.not_success", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("Requester / RequestUnsupported, with a valid signed assertion") {
    spec.status = std::string(n::status_requester);
    spec.before_signing = [](auto& p) {
      xmlNode* code = core::child_named(core::child_named(p.response, n::ns_protocol, "Status"), n::ns_protocol, "StatusCode");
      core::set_attribute(core::append_element(code, n::ns_protocol, "samlp", "StatusCode"), "Value", n::status_request_unsupported);
    };
  }
  SECTION("unqualified Success") { spec.status = "Success"; }
  SECTION("a look-alike URI") { spec.status = "urn:evil:Success"; }
  f.post(spec);
  CHECK(f.reason_at("response.status") == Reason::status_not_success);
}
