// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("xsw.digest_smuggled: the Response Signature in a forged Assertion, a matching digest in StatusDetail "
          "(XSW-DIGEST-SMUGGLE)",
          "[mutator][xsw.digest_smuggled]") {
  auto digest = GENERATE(as<std::string>{}, "computed", "empty");
  auto m = test::idp::mutate("xsw.digest_smuggled", {{"digest", digest}}, {{"signing", "response"}});
  xmlNode* root = m.mutated_doc.root();
  xmlNode* assertion = assertion_of(root);
  CHECK(signature_of(root) == nullptr);
  CHECK(id_of(root) != id_of(m.base_doc.root()));
  CHECK(id_of(assertion) == id_of(m.base_doc.root()));  // the forged Assertion takes the signed ID
  CHECK(name_id_of(assertion) == k_victim);
  xmlNode* signature = signature_of(assertion);
  REQUIRE(signature != nullptr);
  CHECK(signature_value(signature) == signature_value(signature_of(m.base_doc.root())));

  auto smuggled = core::descendants_named(core::child_named(root, n::ns_protocol, "Status"), n::ns_dsig, "Reference");
  REQUIRE(smuggled.size() == 1);
  CHECK(core::attribute(smuggled[0], "URI") == "#" + id_of(m.base_doc.root()));
  auto value = core::simple_text(core::child_named(smuggled[0], n::ns_dsig, "DigestValue")).value_or("");
  CHECK(value == (digest == "computed" ? test::idp::cli_enveloped_digest(assertion)
                                       : "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));

  // SignedInfo is untouched: its SignatureValue verifies; the digest it names does not match.
  auto signed_info = test::idp::signed_info_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(signed_info.output);
  CHECK(signed_info.verified);
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1)).verified);
}
