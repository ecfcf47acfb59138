// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("xml.doctype_added puts a DOCTYPE before the otherwise unchanged Response", "[mutator][xml.doctype_added]") {
  auto m = test::idp::mutate("xml.doctype_added");
  CHECK(m.differences == Strings{});
  auto field = core::form_values(m.mutated.form, "SAMLResponse");
  REQUIRE(field.size() == 1);
  auto xml = core::base64_decode(field[0]);
  REQUIRE(xml);
  CHECK(xml->rfind("<!DOCTYPE Response>", 0) == 0);
  CHECK(xml->substr(19) == m.base.xml);
  CHECK(samlt::idp::find_mutator("xml.doctype_added")->expected == core::Reason::xml_doctype_forbidden);
}
