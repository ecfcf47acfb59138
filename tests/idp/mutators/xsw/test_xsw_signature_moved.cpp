// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.signature_moved: a valid Signature moved where the schema has none (XSW-SIG-MISPLACED)",
          "[mutator][xsw.signature_moved]") {
  struct Move {
    std::string signature, to, parent, xpath;
    std::size_t index;  // the Signature's position among its parent's element children
  };
  auto move = GENERATE(values<Move>({
      {"response", "into_status", "Status", "/*/*[local-name()='Status']/*[local-name()='Signature']", 1},
      {"response", "after_status", "Response", "/*/*[local-name()='Signature']", 2},
      {"response", "after_assertion", "Response", "/*/*[local-name()='Signature']", 3},
      {"assertion", "after_subject", "Assertion", "/*/*[local-name()='Assertion']/*[local-name()='Signature']", 2},
  }));
  INFO(move.signature << " " << move.to);
  auto m = test::idp::mutate("xsw.signature_moved", {{"signature", move.signature}, {"to", move.to}},
                             {{"signing", move.signature}});
  auto signatures = core::descendants_named(m.mutated_doc.root(), n::ns_dsig, "Signature");
  REQUIRE(signatures.size() == 1);
  CHECK(core::local_name(signatures[0]->parent) == move.parent);
  auto siblings = core::element_children(signatures[0]->parent);
  REQUIRE(siblings.size() > move.index);
  CHECK(siblings[move.index] == signatures[0]);
  CHECK(name_id_of(m.mutated_doc.root()) == k_attacker);  // nothing else changed

  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, move.xpath);  // the position is not signed
  INFO(oracle.output);
  CHECK(oracle.verified);
}

TEST_CASE("xsw.signature_moved: refuses a move the signature cannot make", "[mutator][xsw.signature_moved]") {
  CHECK(test::idp::mutate_error("xsw.signature_moved", {{"signature", "response"}, {"to", "after_subject"}},
                                {{"signing", "response"}})
            .reason == core::Reason::mutator_not_applicable);
  CHECK(samlt::idp::find_mutator("xsw.signature_moved")->expected == core::Reason::response_schema_invalid);
}
