// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("signature.digest_recomputed: forged content, a matching DigestValue, a stale SignatureValue "
          "(SIG-DIGEST-ONLY)",
          "[mutator][signature.digest_recomputed]") {
  auto target = GENERATE(as<std::string>{}, "assertion", "response");
  auto m = test::idp::mutate("signature.digest_recomputed", {{"target", target}}, {{"signing", target}});
  xmlNode* root = m.mutated_doc.root();
  xmlNode* element = target == "response" ? root : assertion_of(root);
  CHECK(name_id_of(assertion_of(root)) == k_victim);
  xmlNode* signature = signature_of(element);
  auto digest = core::simple_text(core::descendants_named(signature, n::ns_dsig, "DigestValue").front());
  CHECK(digest == test::idp::cli_enveloped_digest(element));  // the Reference matches the forgery
  std::string xpath = target == "response" ? test::idp::k_response_signature : test::idp::assertion_signature(1);
  // ... but SignedInfo changed, so its SignatureValue does not verify, for xmlsec1 nor openssl.
  CHECK_FALSE(test::idp::signed_info_verifies(m.mutated.xml, xpath).verified);
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, xpath).verified);
  CHECK(samlt::idp::find_mutator("signature.digest_recomputed")->expected == core::Reason::signature_invalid);
}
