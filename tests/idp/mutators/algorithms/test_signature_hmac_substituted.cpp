// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

// xmlsec1 --verify with `secret` as the HMAC key (the independent oracle for an HMAC signature).
test::CommandResult hmac_verify(const std::string& xml, const std::string& secret) {
  test::TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "message.xml", xml));
  REQUIRE(core::write_file_atomic(dir / "key.bin", secret));
  return test::run_command({"xmlsec1", "--verify", "--hmackey", (dir / "key.bin").string(), "--id-attr:ID",
                            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", "--node-xpath",
                            "/*/*[local-name()='Assertion']/*[local-name()='Signature']", (dir / "message.xml").string()});
}

xmlNode* method_of(const core::XmlDoc& doc) {
  xmlNode* signature = core::child_named(test::idp::one(doc.root(), "Assertion"), n::ns_dsig, "Signature");
  return core::child_named(core::child_named(signature, n::ns_dsig, "SignedInfo"), n::ns_dsig, "SignatureMethod");
}

}  // namespace

TEST_CASE("signature.hmac_substituted keys an HMAC with the IdP certificate's PEM text; xmlsec1 verifies "
          "it with that key",
          "[mutator][signature.hmac_substituted]") {
  auto m = test::idp::mutate("signature.hmac_substituted");
  CHECK(core::attribute(method_of(m.mutated_doc), "Algorithm") == "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256");
  CHECK(m.mutated.xml.find("KeyInfo") == std::string::npos);
  auto result = hmac_verify(m.mutated.xml, test::test_credential("idp-signing").certificate.pem());
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(idp::find_mutator("signature.hmac_substituted")->expected == core::Reason::signature_algorithm_forbidden);
}

TEST_CASE("signature.hmac_substituted: every public-key form, and hmac-sha1", "[mutator][signature.hmac_substituted]") {
  for (std::string key : {"certificate_der", "spki_pem", "spki_der", "modulus"}) {
    DYNAMIC_SECTION(key) {
      auto m = test::idp::mutate("signature.hmac_substituted", {{"key", key}, {"algorithm", "hmac-sha1"}});
      CHECK(core::attribute(method_of(m.mutated_doc), "Algorithm") == "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
      // The right key verifies; the PEM text (another form) does not.
      CHECK(hmac_verify(m.mutated.xml, test::test_credential("idp-signing").certificate.pem()).exit_code != 0);
    }
  }
  auto der = test::idp::mutate("signature.hmac_substituted", {{"key", "certificate_der"}});
  auto result = hmac_verify(der.mutated.xml, test::test_credential("idp-signing").certificate.der());
  INFO(result.output);
  CHECK(result.exit_code == 0);
}

TEST_CASE("signature.hmac_substituted truncates the output to HMACOutputLength bits",
          "[mutator][signature.hmac_substituted]") {
  for (int bits : {0, 1, 8, 79}) {
    DYNAMIC_SECTION(bits << " bits") {
      auto m = test::idp::mutate("signature.hmac_substituted",
                                 {{"algorithm", "hmac-sha1"}, {"key", "attacker"}, {"output_length", bits}});
      xmlNode* length = core::child_named(method_of(m.mutated_doc), n::ns_dsig, "HMACOutputLength");
      REQUIRE(length != nullptr);
      CHECK(core::simple_text(length) == std::to_string(bits));
      xmlNode* signature = core::child_named(test::idp::one(m.mutated_doc.root(), "Assertion"), n::ns_dsig, "Signature");
      auto value = core::base64_decode(core::simple_text(core::child_named(signature, n::ns_dsig, "SignatureValue")).value_or(""));
      REQUIRE(value);
      CHECK(value->size() == static_cast<std::size_t>((bits + 7) / 8));
      // xmlsec1 refuses outputs shorter than its minimum, whatever the key (CVE-2009-0217's fix).
      CHECK(hmac_verify(m.mutated.xml, "samlt-attacker-hmac-secret").exit_code != 0);
    }
  }
  CHECK(test::idp::mutate_error("signature.hmac_substituted", {{"output_length", -1}}).reason ==
        core::Reason::mutator_params_invalid);
  CHECK(test::idp::mutate_error("signature.hmac_substituted", {{"key", "rsa"}}).reason ==
        core::Reason::mutator_params_invalid);
}
