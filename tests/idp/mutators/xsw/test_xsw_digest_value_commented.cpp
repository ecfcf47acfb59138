// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.digest_value_commented: the forged digest in a comment inside DigestValue (XSW-DIGESTVALUE-COMMENT)",
          "[mutator][xsw.digest_value_commented]") {
  auto target = GENERATE(as<std::string>{}, "assertion", "response");
  auto m = test::idp::mutate("xsw.digest_value_commented", {{"target", target}}, {{"signing", target}});
  xmlNode* root = m.mutated_doc.root();
  xmlNode* element = target == "response" ? root : assertion_of(root);
  xmlNode* base_element = target == "response" ? m.base_doc.root() : assertion_of(m.base_doc.root());
  CHECK(name_id_of(assertion_of(root)) == k_victim);
  xmlNode* value = core::descendants_named(signature_of(element), n::ns_dsig, "DigestValue").front();
  REQUIRE(value->children != nullptr);
  REQUIRE(value->children->type == XML_COMMENT_NODE);
  CHECK(std::string(reinterpret_cast<const char*>(value->children->content)) == test::idp::cli_enveloped_digest(element));
  CHECK(core::simple_text(value) ==
        core::simple_text(core::descendants_named(signature_of(base_element), n::ns_dsig, "DigestValue").front()));

  std::string xpath = target == "response" ? test::idp::k_response_signature : test::idp::assertion_signature(1);
  auto signed_info = test::idp::signed_info_verifies(m.mutated.xml, xpath);
  INFO(signed_info.output);
  CHECK(signed_info.verified);  // exc-c14n drops the comment: SignedInfo is as signed
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, xpath).verified);
}
