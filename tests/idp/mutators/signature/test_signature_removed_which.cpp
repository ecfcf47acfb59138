// SPDX-License-Identifier: Apache-2.0
// signature.removed's `which` parameter (SIG-STRIP-ASSERT, SIG-STRIP-RESP) and
// signature.digest_tampered's `victim` (SIG-NONE).
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "mutators/xmlsec1_oracle.hpp"
#include "mutators/xsw/xsw_checks.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using namespace samlt::test::idp::xsw;
namespace n = core::names;

TEST_CASE("signature.removed: only the Response's or only the Assertion's Signature", "[mutator][signature.removed]") {
  auto m = test::idp::mutate("signature.removed", {{"which", "response"}}, {{"signing", "both"}});
  CHECK(signature_of(m.mutated_doc.root()) == nullptr);
  CHECK(signature_of(assertion_of(m.mutated_doc.root())) != nullptr);
  auto oracle = test::idp::xmlsec1_verifies(m.mutated.xml, test::idp::assertion_signature(1));
  INFO(oracle.output);
  CHECK(oracle.verified);  // the Assertion signature never covered the Response's

  auto a = test::idp::mutate("signature.removed", {{"which", "assertion"}}, {{"signing", "both"}});
  CHECK(signature_of(a.mutated_doc.root()) != nullptr);
  CHECK(signature_of(assertion_of(a.mutated_doc.root())) == nullptr);
  // The Response signature covered the Assertion with its Signature: removing it breaks the digest.
  CHECK_FALSE(test::idp::xmlsec1_verifies(a.mutated.xml, test::idp::k_response_signature).verified);

  CHECK(test::idp::mutate_error("signature.removed", {{"which", "response"}}).reason ==
        core::Reason::mutator_not_applicable);
  CHECK(test::idp::mutate_error("signature.removed", {{"which", "some"}}).reason ==
        core::Reason::mutator_params_invalid);
}

TEST_CASE("signature.digest_tampered: victim rewrites the NameID and the email claims", "[mutator][signature.digest_tampered]") {
  auto m = test::idp::mutate("signature.digest_tampered", {{"victim", k_victim}});
  CHECK(name_id_of(m.mutated_doc.root()) == k_victim);
  bool email_found = false;
  for (xmlNode* a : core::descendants_named(m.mutated_doc.root(), n::ns_assertion, "Attribute")) {
    if (core::attribute(a, "Name") == n::claim_email) {
      email_found = true;
      CHECK(core::simple_text(core::child_named(a, n::ns_assertion, "AttributeValue")) == k_victim);
    }
  }
  CHECK(email_found);
}
