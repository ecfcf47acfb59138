// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.reference_added: one SignedInfo with two References, re-signed (XSW-MULTI-REF)",
          "[mutator][xsw.reference_added]") {
  auto which = GENERATE(as<std::string>{}, "assertion", "response");
  auto m = test::idp::mutate("xsw.reference_added", {{"signature", which}},
                             {{"signing", which == "response" ? "both" : "assertion"}});
  xmlNode* root = m.mutated_doc.root();
  xmlNode* signed_element = which == "response" ? root : assertion_of(root);
  xmlNode* other = which == "response" ? assertion_of(root) : root;
  auto references = core::descendants_named(core::child_named(signature_of(signed_element), n::ns_dsig, "SignedInfo"),
                                            n::ns_dsig, "Reference");
  REQUIRE(references.size() == 2);
  CHECK(core::attribute(references[0], "URI") == "#" + id_of(signed_element));
  CHECK(core::attribute(references[1], "URI") == "#" + id_of(other));

  // Both References and the new SignatureValue verify with the IdP's certificate.
  auto oracle = test::idp::xmlsec1_verifies(
      m.mutated.xml, which == "response" ? test::idp::k_response_signature : test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);
  CHECK(samlt::idp::find_mutator("xsw.reference_added")->expected == core::Reason::signature_reference_count);
}
