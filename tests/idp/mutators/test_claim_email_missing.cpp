// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

std::vector<std::string> claim_names(const xmlNode* root) {
  std::vector<std::string> out;
  for (xmlNode* a : core::descendants_named(root, n::ns_assertion, "Attribute")) {
    out.push_back(core::attribute(a, "Name").value_or(""));
  }
  return out;
}

}  // namespace

TEST_CASE("claim.email_missing removes the emailaddress claim and makes the NameID persistent",
          "[mutator][claim.email_missing]") {
  auto m = test::idp::mutate("claim.email_missing");
  auto before = claim_names(m.base_doc.root());
  auto after = claim_names(m.mutated_doc.root());
  std::erase(before, std::string(n::claim_email));
  CHECK(after == before);  // every other claim, same order
  auto* name_id = test::idp::one(m.mutated_doc.root(), "NameID");
  CHECK(core::attribute(name_id, "Format") == n::nameid_persistent);
  CHECK(core::simple_text(name_id)->size() == 43);
  CHECK(core::simple_text(name_id)->find('@') == std::string::npos);
  // Outside the AttributeStatement only the NameID changed.
  for (const auto& d : m.differences) {
    bool expected = d.rfind("Response/Assertion/AttributeStatement", 0) == 0 ||
                    d == "Response/Assertion/Subject/NameID: @Format" ||
                    d == "Response/Assertion/Subject/NameID: text";
    INFO(d);
    CHECK(expected);
  }
  CHECK(samlt::idp::find_mutator("claim.email_missing")->expected ==
        core::Reason::attribute_email_missing);
}
