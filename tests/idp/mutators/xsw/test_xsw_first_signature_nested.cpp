// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.first_signature_nested: the signed Assertion is the first child of a forged one (XSW-FIRST-SIG)",
          "[mutator][xsw.first_signature_nested]") {
  auto m = test::idp::mutate("xsw.first_signature_nested");
  auto top = core::children_named(m.mutated_doc.root(), n::ns_assertion, "Assertion");
  REQUIRE(top.size() == 1);
  xmlNode* forged = top[0];
  std::string id = id_of(forged);
  CHECK(id.size() > 1);
  CHECK(id != id_of(assertion_of(m.base_doc.root())));  // fresh, not the signed one's
  auto children = core::element_children(forged);
  REQUIRE(children.size() >= 4);
  CHECK(test::idp::differences(assertion_of(m.base_doc.root()), children[0]).empty());  // complete and signed
  CHECK(core::is_element(children[1], n::ns_assertion, "Issuer"));
  REQUIRE(core::is_element(children[2], n::ns_dsig, "Signature"));
  auto reference = core::descendants_named(children[2], n::ns_dsig, "Reference");
  REQUIRE(reference.size() == 1);
  CHECK(core::attribute(reference[0], "URI") == "#" + id);
  CHECK(core::is_element(children[3], n::ns_assertion, "Subject"));
  CHECK(name_id_of(children[3]) == k_victim);

  // xmlsec1 verifies the nested original; the bogus Signature of the forged Assertion does not.
  auto nested = test::idp::xmlsec1_verifies(
      m.mutated.xml, "/*/*[local-name()='Assertion']/*[local-name()='Assertion']/*[local-name()='Signature']");
  INFO(nested.output);
  CHECK(nested.verified);
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1)).verified);
  CHECK(samlt::idp::find_mutator("xsw.first_signature_nested")->expected == core::Reason::assertion_schema_invalid);
}
