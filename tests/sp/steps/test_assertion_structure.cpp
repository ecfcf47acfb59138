// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("assertion.structure: Entra's Assertion passes, and open content is left alone", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("as issued") {}
  SECTION("encrypted") { spec.encrypt = true; }
  SECTION("Advice and a second Conditions (conditions.time answers that)") {
    spec.before_signing = [](auto& p) {
      xmlNode* advice = core::insert_element_after(p.conditions, n::ns_assertion, "", "Advice");
      core::append_element(advice, n::ns_assertion, "", "AssertionIDRef", "_other");
      core::insert_element_after(p.conditions, n::ns_assertion, "", "Conditions");
    };
  }
  SECTION("no Issuer (assertion.issuer answers that)") {
    spec.before_signing = [](auto& p) { core::remove_node(core::child_named(p.assertion, n::ns_assertion, "Issuer")); };
  }
  f.post(spec);
  sp::Evidence ev;
  CHECK(f.run_to("assertion.structure", ev));
}

TEST_CASE("assertion.structure: an element the assertion schema has no place for is assertion.schema_invalid",
          "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("an Assertion inside the Assertion (XSW-4)") {
    spec.after_signing = [](auto& p) {
      xmlNode* copy = xmlDocCopyNode(p.assertion, p.doc.get(), 1);
      core::set_attribute(copy, "ID", core::new_assertion_id());
      xmlAddChild(p.assertion, copy);
    };
  }
  SECTION("the Signature after the Subject") {
    spec.after_signing = [](auto& p) {
      xmlNode* signature = core::child_named(p.assertion, n::ns_dsig, "Signature");
      xmlUnlinkNode(signature);
      xmlAddNextSibling(p.subject, signature);
    };
  }
  SECTION("an unknown element in the Assertion") {
    spec.before_signing = [](auto& p) { core::append_element(p.assertion, "urn:evil", "e", "Extra"); };
  }
  SECTION("a statement before the Conditions") {
    spec.before_signing = [](auto& p) {
      xmlUnlinkNode(p.authn);
      xmlAddPrevSibling(p.conditions, p.authn);
    };
  }
  SECTION("a second NameID in the Subject") {
    spec.before_signing = [](auto& p) {
      xmlAddNextSibling(p.name_id, xmlDocCopyNode(p.name_id, p.doc.get(), 1));
    };
  }
  f.post(spec);
  CHECK(f.reason_at("assertion.structure") == Reason::assertion_schema_invalid);
}
