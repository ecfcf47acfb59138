// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("response.issuer: the registered, enabled IdP is selected", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  REQUIRE(f.run_to("response.issuer", ev));
  REQUIRE(ev.idp);
  CHECK(ev.idp->name == "entra");
}

TEST_CASE("response.issuer: an unknown Issuer is response.issuer_mismatch", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  for (std::string issuer : {"https://sts.windows.net/00000000-0000-0000-0000-000000000000/",
                             "https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/",
                             "urn:federation:MicrosoftOnline", "https://sts.windows.net/aaaabbbb-0000-cccc-1111-dddd2222eeee",
                             ""}) {
    spec.issuer = issuer;
    f.post(spec);
    INFO(issuer);
    CHECK(f.reason_at("response.issuer") == Reason::response_issuer_mismatch);
  }
}

TEST_CASE("response.issuer: Format other than entity is refused (ISS-FORMAT)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.after_signing = [](auto& p) {
    core::set_attribute(core::child_named(p.response, n::ns_assertion, "Issuer"), "Format", n::nameid_persistent);
  };
  f.post(spec);
  CHECK(f.reason_at("response.issuer") == Reason::response_issuer_format_invalid);
  spec.after_signing = [](auto& p) {
    core::set_attribute(core::child_named(p.response, n::ns_assertion, "Issuer"), "Format", n::nameid_entity);
  };
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("response.issuer", ev));
}

TEST_CASE("response.issuer: a disabled IdP is response.idp_disabled", "[sp][step]") {
  test::StepFixture f;
  f.trust[0].enabled = false;
  f.post(test::entra_spec(f.clock.now()));
  CHECK(f.reason_at("response.issuer") == Reason::response_idp_disabled);
}

TEST_CASE("response.issuer: may be omitted (POS-ISS-RESP-MISSING)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  auto drop_issuer = [](test::ResponseParts& p) { core::remove_node(core::child_named(p.response, n::ns_assertion, "Issuer")); };
  spec.after_signing = drop_issuer;
  SECTION("implied by the answered request") {
    f.expect_request("_req1");
    spec.in_response_to = "_req1";
    spec.encrypt = true;  // the Assertion's Issuer is not readable yet
  }
  SECTION("implied by the plain Assertion's Issuer (checked again once verified)") {}
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to("response.issuer", ev));
  CHECK(ev.idp->name == "entra");
}

TEST_CASE("response.issuer: omitted and not implied is response.issuer_mismatch", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.encrypt = true;
  spec.after_signing = [](auto& p) { core::remove_node(core::child_named(p.response, n::ns_assertion, "Issuer")); };
  f.post(spec);
  CHECK(f.reason_at("response.issuer") == Reason::response_issuer_mismatch);
}
