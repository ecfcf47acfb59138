// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

constexpr const char* k_step = "audience_restriction.audience";

}  // namespace

TEST_CASE("audience_restriction.audience: this SP's entity ID passes", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("alone") {}
  SECTION("among others in one restriction") { spec.audiences = {"https://other-sp.test", test::k_sp_entity_id}; }
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to(k_step, ev));
}

TEST_CASE("audience_restriction.audience: another SP, empty, spn:, whitespace", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.audiences = {GENERATE(std::string("https://other-sp.test"), std::string(), std::string(" "),
                             std::string("spn:urn:samlt:sp:reference"), std::string(" urn:samlt:sp:reference"))};
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::audience_restriction_audience_mismatch);
}

TEST_CASE("audience_restriction.audience: no Audience or no AudienceRestriction", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.audiences.clear();
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::audience_restriction_audience_mismatch);
  spec.before_signing = [](auto& p) { core::remove_node(core::first_element_child(p.conditions)); };
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::audience_restriction_missing);
}

TEST_CASE("audience_restriction.audience: every restriction must hold (AUD-MULTI-RESTRICTION)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = [](auto& p) {
    xmlNode* second = core::append_element(p.conditions, n::ns_assertion, "", "AudienceRestriction");
    core::append_element(second, n::ns_assertion, "", "Audience", "https://other-sp.test");
  };
  f.post(spec);
  CHECK(f.reason_at(k_step) == Reason::audience_restriction_audience_mismatch);
}
