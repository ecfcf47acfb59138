// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;
namespace n = core::names;

namespace {

std::vector<xmlNode*> confirmation_data(const core::XmlDoc& doc) {
  std::vector<xmlNode*> out;
  for (xmlNode* c : core::children_named(test::idp::one(doc.root(), "Subject"), n::ns_assertion, "SubjectConfirmation")) {
    CHECK(core::attribute(c, "Method") == n::cm_bearer);
    out.push_back(core::child_named(c, n::ns_assertion, "SubjectConfirmationData"));
  }
  return out;
}

}  // namespace

TEST_CASE("subject_confirmation.all_invalid: an expired bearer, then one for another request; signed",
          "[mutator][subject_confirmation.all_invalid]") {
  auto m = test::idp::mutate("subject_confirmation.all_invalid");
  xmlNode* original = test::idp::one(m.base_doc.root(), "SubjectConfirmationData");
  auto data = confirmation_data(m.mutated_doc);
  REQUIRE(data.size() == 2);
  CHECK(core::attribute(data[0], "NotOnOrAfter") == core::format_datetime(test::idp::now() - std::chrono::seconds(240)));
  CHECK(core::attribute(data[0], "InResponseTo") == core::attribute(original, "InResponseTo"));
  CHECK(core::attribute(data[1], "NotOnOrAfter") == core::attribute(original, "NotOnOrAfter"));
  CHECK(core::attribute(data[1], "InResponseTo") != core::attribute(original, "InResponseTo"));
  CHECK(core::attribute(data[1], "Recipient") == core::attribute(original, "Recipient"));
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature());
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(idp::find_mutator("subject_confirmation.all_invalid")->expected == core::Reason::subject_confirmation_expired);
}

TEST_CASE("subject_confirmation.all_invalid in_response_to_first swaps them", "[mutator][subject_confirmation.all_invalid]") {
  auto m = test::idp::mutate("subject_confirmation.all_invalid", {{"order", "in_response_to_first"}});
  xmlNode* original = test::idp::one(m.base_doc.root(), "SubjectConfirmationData");
  auto data = confirmation_data(m.mutated_doc);
  REQUIRE(data.size() == 2);
  CHECK(core::attribute(data[0], "InResponseTo") != core::attribute(original, "InResponseTo"));
  CHECK(core::attribute(data[1], "NotOnOrAfter") != core::attribute(original, "NotOnOrAfter"));
  CHECK(test::idp::mutate_error("subject_confirmation.all_invalid", {{"order", "random"}}).reason ==
        core::Reason::mutator_params_invalid);
}
