// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.foreign_object_carried: an IdP-signed foreign object beside an unsigned forged Assertion (XSW-FOREIGN)",
          "[mutator][xsw.foreign_object_carried]") {
  auto object = GENERATE(as<std::string>{}, "metadata", "logout_response", "response_other_sp");
  auto place = GENERATE(as<std::string>{}, "status_detail", "extensions");
  INFO(object << " in " << place);
  auto m = test::idp::mutate("xsw.foreign_object_carried", {{"object", object}, {"place", place}});
  xmlNode* root = m.mutated_doc.root();
  CHECK(signature_of(root) == nullptr);
  xmlNode* assertion = assertion_of(root);
  CHECK(signature_of(assertion) == nullptr);
  CHECK(name_id_of(assertion) == k_victim);

  std::string holder = place == "status_detail" ? "StatusDetail" : "Extensions";
  auto holders = core::descendants_named(root, n::ns_protocol, holder);
  REQUIRE(holders.size() == 1);
  auto carried = core::element_children(holders[0]);
  REQUIRE(carried.size() == 1);
  std::string local = object == "metadata" ? "EntityDescriptor" : object == "logout_response" ? "LogoutResponse" : "Response";
  CHECK(core::local_name(carried[0]) == local);

  // The carried object's own Signature is the IdP's and verifies where it sits.
  std::string xpath = "//*[local-name()='" + holder + "']/*/" +
                      (object == "response_other_sp" ? "*[local-name()='Assertion']/" : "") + "*[local-name()='Signature']";
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, xpath);
  INFO(oracle.output);
  CHECK(oracle.verified);
  if (object == "response_other_sp") {
    CHECK(name_id_of(carried[0]) == k_attacker);
    auto audiences = core::descendants_named(carried[0], n::ns_assertion, "Audience");
    REQUIRE(audiences.size() == 1);
    CHECK(core::simple_text(audiences[0]) == "https://other-sp.example/");
  }
  CHECK(samlt::idp::find_mutator("xsw.foreign_object_carried")->expected == core::Reason::assertion_unsigned);
}
