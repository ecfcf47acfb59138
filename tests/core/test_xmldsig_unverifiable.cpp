// SPDX-License-Identifier: Apache-2.0
// attack-catalogue SIG-VERIFY-ERROR: when xmlsec cannot finish a verification the answer is
// signature.unverifiable — never a success, and not the DOM-shape reason signature.malformed.
#include "samlt/core/xmldsig.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/test_certs.hpp"
#include "xmldsig_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

TEST_CASE("a SignatureValue xmlsec cannot process is signature.unverifiable", "[core][xmldsig]") {
  auto s = test::make_sample_response();
  auto signature = core::sign_enveloped(s.doc, s.assertion, test::test_credential("idp-signing"));
  REQUIRE(signature);
  auto parsed = core::parse_strict(core::serialize(s.doc));
  REQUIRE(parsed);
  xmlNode* assertion = core::child_named(parsed->root(), n::ns_assertion, "Assertion");
  xmlNode* sig = core::child_named(assertion, n::ns_dsig, "Signature");
  core::set_text(core::child_named(sig, n::ns_dsig, "SignatureValue"), "!!!!");
  std::vector<core::Certificate> trusted{test::test_credential("idp-signing").certificate};
  auto verified = core::verify_enveloped(*parsed, sig, trusted);
  REQUIRE_FALSE(verified);
  CHECK(verified.error().reason == Reason::signature_unverifiable);
}
