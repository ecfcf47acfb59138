// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("element.emptied writes <Audience/> by default; the signature verifies", "[mutator][element.emptied]") {
  auto m = test::idp::mutate("element.emptied");
  CHECK(m.differences == Strings{"Response/Assertion/Conditions/AudienceRestriction/Audience: text"});
  CHECK(m.mutated.xml.find("<Audience/>") != std::string::npos);
  CHECK(test::idp::one(m.mutated_doc.root(), "Audience")->children == nullptr);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("element.emptied")->expected == core::Reason::audience_restriction_audience_mismatch);
}

TEST_CASE("element.emptied with text and attributes removed", "[mutator][element.emptied]") {
  auto blank = test::idp::mutate("element.emptied", {{"element", "name_id"}, {"text", " \t\n"}});
  CHECK(blank.differences == Strings{"Response/Assertion/Subject/NameID: text"});
  xmlNode* name_id = test::idp::one(blank.mutated_doc.root(), "NameID");
  CHECK(core::simple_text(name_id) == " \t\n");
  CHECK(core::attribute(name_id, "Format"));  // attributes kept by default

  auto data = test::idp::mutate("element.emptied", {{"element", "subject_confirmation_data"}, {"attributes", "removed"}});
  xmlNode* scd = test::idp::one(data.mutated_doc.root(), "SubjectConfirmationData");
  CHECK(scd->properties == nullptr);
  CHECK(scd->children == nullptr);
  CHECK(data.mutated.xml.find("<SubjectConfirmationData/>") != std::string::npos);
  CHECK(test::idp::mutate_error("element.emptied", {{"attributes", "some"}}).reason ==
        core::Reason::mutator_params_invalid);
}
