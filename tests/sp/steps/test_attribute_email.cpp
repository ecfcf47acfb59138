// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

constexpr const char* k_step = "attribute.email";

}  // namespace

TEST_CASE("attribute.email: Entra's emailaddress claim", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.name_id = "Dh7tdLu2gHm-Vi4emADxWxfoPB2XZvADD_H2EBlaKAw";
  spec.name_id_format = std::string(n::nameid_persistent);
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to(k_step, ev));
  CHECK(ev.email == test::k_user);
  CHECK(ev.display_name == "Alex Wilber");
  CHECK(ev.attributes.size() == 9);
}

TEST_CASE("attribute.email: an emailAddress NameID when there is no claim", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.attributes = {{std::string(n::claim_display_name), {"山田 太郎"}}};
  spec.name_id = "yamada.taro@contoso.example";
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to(k_step, ev));
  CHECK(ev.email == "yamada.taro@contoso.example");
  CHECK(ev.display_name == "山田 太郎");
}

TEST_CASE("attribute.email: neither claim nor email NameID is attribute.email_missing", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.attributes = {{std::string(n::claim_given_name), {"Alex"}}};
  spec.name_id = "Dh7tdLu2gHm-Vi4emADxWxfoPB2XZvADD_H2EBlaKAw";
  spec.name_id_format = std::string(n::nameid_persistent);
  SECTION("required by default") {
    f.post(spec);
    CHECK(f.reason_at(k_step) == Reason::attribute_email_missing);
  }
  SECTION("a claim that is not an address") {
    spec.attributes = {{std::string(n::claim_email), {"not-an-address"}}};
    f.post(spec);
    CHECK(f.reason_at(k_step) == Reason::attribute_email_missing);
  }
  SECTION("allowed when policy.require_email is false") {
    f.policy.require_email = false;
    f.post(spec);
    sp::Evidence ev;
    REQUIRE(f.run_to(k_step, ev));
    CHECK(ev.email.empty());
  }
}

TEST_CASE("attribute.email: a comment inside an AttributeValue is skipped (C14N-COMMENT-ATTR)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.attributes = {{std::string(n::claim_email), {"megan.bowen@contoso.example"}}};
  spec.before_signing = [](auto& p) {
    xmlNode* value = core::descendants_named(p.attributes, n::ns_assertion, "AttributeValue").at(0);
    core::set_text(value, "alex.wilber@contoso.example");
    xmlAddChild(value, xmlNewComment(BAD_CAST "x"));
    xmlAddChild(value, xmlNewText(BAD_CAST ".evil"));
  };
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to(k_step, ev));
  CHECK(ev.email == "alex.wilber@contoso.example.evil");
}
