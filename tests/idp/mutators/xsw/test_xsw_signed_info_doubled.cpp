// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.signed_info_doubled: a second SignedInfo naming the forged digest (XSW-SIGNEDINFO-MULTI)",
          "[mutator][xsw.signed_info_doubled]") {
  auto target = GENERATE(as<std::string>{}, "assertion", "response");
  auto position = GENERATE(as<std::string>{}, "before", "after");
  auto m = test::idp::mutate("xsw.signed_info_doubled", {{"target", target}, {"position", position}},
                             {{"signing", target}});
  xmlNode* root = m.mutated_doc.root();
  xmlNode* element = target == "response" ? root : assertion_of(root);
  xmlNode* base_element = target == "response" ? m.base_doc.root() : assertion_of(m.base_doc.root());
  CHECK(name_id_of(assertion_of(root)) == k_victim);
  auto infos = core::children_named(signature_of(element), n::ns_dsig, "SignedInfo");
  REQUIRE(infos.size() == 2);
  int original = position == "before" ? 1 : 0;
  auto digest_of = [](const xmlNode* info) {
    return core::simple_text(core::descendants_named(info, n::ns_dsig, "DigestValue").front()).value_or("");
  };
  CHECK(digest_of(infos[static_cast<std::size_t>(original)]) ==
        digest_of(core::child_named(signature_of(base_element), n::ns_dsig, "SignedInfo")));
  CHECK(digest_of(infos[static_cast<std::size_t>(1 - original)]) == test::idp::cli_enveloped_digest(element));

  std::string xpath = target == "response" ? test::idp::k_response_signature : test::idp::assertion_signature(1);
  auto signed_info = test::idp::signed_info_verifies(m.mutated.xml, xpath, "idp-signing", original + 1);
  INFO(signed_info.output);
  CHECK(signed_info.verified);  // the original SignedInfo still verifies; it names the old digest
}
