// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("signature.object_added: a ds:Object in the Signature (SIG-OBJECT)", "[mutator][signature.object_added]") {
  auto content = GENERATE(as<std::string>{}, "empty", "text", "assertion_copy");
  auto resign = GENERATE(false, true);
  auto m = test::idp::mutate("signature.object_added", {{"content", content}, {"resign", resign}});
  xmlNode* signature = signature_of(assertion_of(m.mutated_doc.root()));
  auto objects = core::children_named(signature, n::ns_dsig, "Object");
  REQUIRE(objects.size() == 1);
  CHECK(core::element_children(signature).back() == objects[0]);
  if (content == "assertion_copy") {
    auto copies = core::children_named(objects[0], n::ns_assertion, "Assertion");
    REQUIRE(copies.size() == 1);
    CHECK_FALSE(core::attribute(copies[0], "ID").has_value());
    CHECK(name_id_of(copies[0]) == k_victim);
  } else {
    CHECK(core::simple_text(objects[0]) == (content == "text" ? "evil" : ""));
  }
  CHECK(name_id_of(assertion_of(m.mutated_doc.root())) == k_attacker);
  // The Object is not referenced: the signature verifies, re-signed or not.
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
}
