// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.second_root_appended: a forged root after the signed Response (XSW-MULTIROOT)",
          "[mutator][xsw.second_root_appended]") {
  auto root = GENERATE(as<std::string>{}, "response", "assertion");
  auto raw = test::idp::mutate_raw({{"xsw.second_root_appended", {{"root", root}}}},
                                   {{"signing", root == "response" ? "response" : "assertion"}});
  const std::string& base = raw.base.xml;
  const std::string& wire = raw.mutated.xml;
  REQUIRE(wire.size() > base.size());
  CHECK(wire.substr(0, base.size()) == base);  // the signed Response, byte for byte, first
  CHECK_FALSE(core::parse_strict(wire));

  auto second = core::parse_strict(wire.substr(base.size()));
  REQUIRE(second);
  CHECK(core::local_name(second->root()) == (root == "response" ? "Response" : "Assertion"));
  CHECK(core::descendants_named(second->root(), n::ns_dsig, "Signature").empty());
  CHECK(name_id_of(second->root()) == k_victim);

  // Truncated at the first root's end, the message verifies as the IdP signed it.
  auto oracle = test::idp::xmlsec1_verifies(
      base, root == "response" ? test::idp::k_response_signature : test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(samlt::idp::find_mutator("xsw.second_root_appended")->expected == core::Reason::xml_malformed);
}
