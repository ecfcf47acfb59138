// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

constexpr const char* k_step = "attribute.unique";

}  // namespace

TEST_CASE("attribute.unique: Entra's claims, each Name once, pass", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to(k_step, ev));
}

TEST_CASE("attribute.unique: one Name twice is attribute.duplicated", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("a second role in the same statement") {
    spec.attributes = {{std::string(n::claim_email), {test::k_user}},
                       {std::string(n::claim_role), {"user"}},
                       {std::string(n::claim_role), {"admin"}}};
    f.post(spec);
    CHECK(f.reason_at(k_step) == Reason::attribute_duplicated);
  }
  SECTION("a second emailaddress in another AttributeStatement") {
    spec.before_signing = [](test::ResponseParts& parts) {
      xmlNode* second = core::insert_element_after(parts.attributes, n::ns_assertion, "", "AttributeStatement");
      xmlNode* attribute = core::append_element(second, n::ns_assertion, "", "Attribute");
      core::set_attribute(attribute, "Name", n::claim_email);
      core::append_element(attribute, n::ns_assertion, "", "AttributeValue", "megan.bowen@contoso.example");
    };
    f.post(spec);
    CHECK(f.reason_at(k_step) == Reason::attribute_duplicated);
  }
}

TEST_CASE("attribute.unique: one Attribute with several values is not a duplicate", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.attributes = {{std::string(n::claim_email), {test::k_user}},
                     {std::string(n::claim_groups), {"group-1", "group-2", "group-3"}}};
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to(k_step, ev));
}
