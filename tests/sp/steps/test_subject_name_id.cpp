// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("subject.name_id: the NameID and its Format are read", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  REQUIRE(f.run_to("subject.name_id", ev));
  CHECK(ev.name_id == test::k_user);
  CHECK(ev.name_id_format == n::nameid_email);
}

TEST_CASE("subject.name_id: a comment or CDATA cannot truncate the NameID (C14N-COMMENT-NAMEID)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  spec.before_signing = [](auto& p) {
    core::set_text(p.name_id, "victim@contoso.example");
    xmlAddChild(p.name_id, xmlNewComment(BAD_CAST ""));
    xmlAddChild(p.name_id, xmlNewCDataBlock(p.doc.get(), BAD_CAST ".attacker", 9));
    xmlAddChild(p.name_id, xmlNewText(BAD_CAST ".test"));
  };
  f.post(spec);
  sp::Evidence ev;
  REQUIRE(f.run_to("subject.name_id", ev));
  CHECK(ev.name_id == "victim@contoso.example.attacker.test");
}

TEST_CASE("subject.name_id: Subject or NameID missing or empty", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("no Subject") {
    spec.before_signing = [](auto& p) { core::remove_node(p.subject); };
    f.post(spec);
    CHECK(f.reason_at("subject.name_id") == Reason::subject_missing);
  }
  SECTION("no NameID") {
    spec.before_signing = [](auto& p) { core::remove_node(p.name_id); };
    f.post(spec);
    CHECK(f.reason_at("subject.name_id") == Reason::subject_name_id_missing);
  }
  SECTION("empty or whitespace NameID") {
    spec.name_id = GENERATE(std::string(), std::string(" \n\t"));
    f.post(spec);
    CHECK(f.reason_at("subject.name_id") == Reason::subject_name_id_missing);
  }
  SECTION("an EncryptedID") {
    spec.before_signing = [](auto& p) {
      xmlNode* encrypted = core::append_element(p.subject, n::ns_assertion, "", "EncryptedID");
      xmlUnlinkNode(encrypted);
      xmlAddPrevSibling(p.name_id, encrypted);
      core::remove_node(p.name_id);
    };
    f.post(spec);
    CHECK(f.reason_at("subject.name_id") == Reason::subject_name_id_missing);
  }
}

TEST_CASE("subject.name_id: the required Format and SPNameQualifier", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  f.policy.required_name_id_format = std::string(n::nameid_persistent);
  f.post(spec);
  CHECK(f.reason_at("subject.name_id") == Reason::subject_name_id_format_mismatch);
  f.policy.required_name_id_format = std::string(n::nameid_email);
  sp::Evidence ev;
  CHECK(f.run_to("subject.name_id", ev));

  spec.before_signing = [](auto& p) { core::set_attribute(p.name_id, "SPNameQualifier", "https://other-sp.test"); };
  f.post(spec);
  CHECK(f.reason_at("subject.name_id") == Reason::subject_sp_name_qualifier_mismatch);
  spec.before_signing = [](auto& p) { core::set_attribute(p.name_id, "SPNameQualifier", test::k_sp_entity_id); };
  f.post(spec);
  sp::Evidence ok;
  CHECK(f.run_to("subject.name_id", ok));
}
