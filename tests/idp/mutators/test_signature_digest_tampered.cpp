// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "signature_check.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using Strings = std::vector<std::string>;

TEST_CASE("signature.digest_tampered edits the NameID after signing, the digest no longer matches",
          "[mutator][signature.digest_tampered]") {
  auto m = test::idp::mutate("signature.digest_tampered");
  CHECK(m.differences == Strings{"Response/Assertion/Subject/NameID: text"});
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "NameID")) ==
        "admin@contoso.example");
  // The signature is byte-identical to the untampered one: it was made before the edit.
  auto signature = [](const std::string& xml) {
    return xml.substr(xml.find("<SignatureValue>"), 400);
  };
  CHECK(signature(m.base.xml) == signature(m.mutated.xml));
  auto* assertion = test::idp::one(m.mutated_doc.root(), "Assertion");
  auto verified = test::idp::core_verifies(m.mutated_doc, assertion, "idp-signing");
  REQUIRE_FALSE(verified);
  CHECK(verified.error().reason == core::Reason::signature_digest_mismatch);
  CHECK_FALSE(test::idp::xmlsec1_verifies(m.mutated.xml, "Assertion", "idp-signing"));
  CHECK(samlt::idp::find_mutator("signature.digest_tampered")->expected ==
        core::Reason::signature_digest_mismatch);
}
