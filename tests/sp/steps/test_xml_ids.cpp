// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_names.hpp"
#include "support/step_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("xml.ids: unique IDs pass", "[sp][step]") {
  test::StepFixture f;
  f.post(test::entra_spec(f.clock.now()));
  sp::Evidence ev;
  CHECK(f.run_to("xml.ids", ev));
}

TEST_CASE("xml.ids: an ID carried twice is refused (XSW-7, XSW-ID-DUP, XSW-ID-XMLID)", "[sp][step]") {
  test::StepFixture f;
  auto spec = test::entra_spec(f.clock.now());
  SECTION("a copy hidden in Extensions") {
    spec.after_signing = [](test::ResponseParts& p) {
      xmlNode* extensions = core::insert_element_after(core::first_element_child(p.response), n::ns_protocol, "samlp", "Extensions");
      xmlNode* copy = core::append_element(extensions, n::ns_assertion, "", "Assertion");
      core::set_attribute(copy, "ID", *core::attribute(p.assertion, "ID"));
    };
  }
  SECTION("a competing Id attribute") {
    spec.after_signing = [](test::ResponseParts& p) {
      core::set_attribute(p.subject, "Id", *core::attribute(p.assertion, "ID"));
    };
  }
  SECTION("the Response and the Assertion share an ID") {
    spec.after_signing = [](test::ResponseParts& p) {
      core::set_attribute(p.response, "ID", *core::attribute(p.assertion, "ID"));
    };
  }
  f.post(spec);
  CHECK(f.reason_at("xml.ids") == Reason::xml_id_duplicated);
}
