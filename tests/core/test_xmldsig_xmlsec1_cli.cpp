// SPDX-License-Identifier: Apache-2.0
// Independent cross-checks against the xmlsec1 command line, in both directions (issue #2).
#include "samlt/core/fs.hpp"
#include "samlt/core/xmldsig.hpp"

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"
#include "xmldsig_fixture.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

const std::string k_assertion_id_attr = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";
const std::string k_assertion_signature = "//*[local-name()='Assertion']/*[local-name()='Signature']";

bool cli_verifies(const std::filesystem::path& file, std::string_view role) {
  auto result = test::run_command({"xmlsec1", "--verify", "--pubkey-cert-pem",
                                   test::test_cert_set().certificate_path(role).string(), "--id-attr:ID",
                                   k_assertion_id_attr, "--node-xpath", k_assertion_signature, file.string()});
  INFO(result.output);
  return result.exit_code == 0;
}

// The verdict of this project's verifier on `wire`, trusting only the IdP signing certificate.
core::Result<core::VerifiedNode> core_verdict(const std::string& wire, core::XmlDoc& holder) {
  auto doc = core::parse_strict(wire);
  REQUIRE(doc);
  holder = std::move(*doc);
  xmlNode* assertion = core::child_named(holder.root(), n::ns_assertion, "Assertion");
  auto signature = core::enveloped_signature_of(assertion);
  REQUIRE(signature);
  REQUIRE(*signature != nullptr);
  std::vector<core::Certificate> trusted{test::test_credential("idp-signing").certificate};
  return core::verify_enveloped(holder, *signature, trusted);
}

// One byte changed inside the signed Assertion: a letter of the NameID.
std::string flip_name_byte(std::string wire, const std::string& name) {
  auto at = wire.find(name);
  REQUIRE(at != std::string::npos);
  wire[at] = wire[at] == 'x' ? 'y' : 'x';
  return wire;
}

std::string cli_signed(const test::TempDir& dir, std::string_view role) {
  auto& set = test::test_cert_set();
  // The template: Entra's shape with empty DigestValue/SignatureValue for xmlsec1 to fill.
  std::string tmpl =
      "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r9\" Version=\"2.0\">"
      "<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">https://sts.windows.net/t/</Issuer>"
      "<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a9\" Version=\"2.0\">"
      "<Issuer>https://sts.windows.net/t/</Issuer><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
      "<SignedInfo><CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
      "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/><Reference URI=\"#_a9\">"
      "<Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
      "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
      "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
      "</SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature>"
      "<Subject><NameID>bob@contoso.example</NameID></Subject></Assertion></samlp:Response>";
  REQUIRE(core::write_file_atomic(dir / "template.xml", tmpl));
  auto result = test::run_command({"xmlsec1", "--sign", "--privkey-pem",
                                   set.key_path(role).string() + "," + set.certificate_path(role).string(),
                                   "--id-attr:ID", k_assertion_id_attr, "--output",
                                   (dir / "signed.xml").string(), (dir / "template.xml").string()});
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto signed_xml = core::read_file(dir / "signed.xml");
  REQUIRE(signed_xml);
  return *signed_xml;
}

}  // namespace

TEST_CASE("an assertion signed by core verifies with the xmlsec1 command line", "[core][xmldsig][xmlsec1]") {
  test::TempDir dir;
  auto s = test::make_sample_response("carol@contoso.example");
  REQUIRE(core::sign_enveloped(s.doc, s.assertion, test::test_credential("idp-signing")));
  std::string wire = core::serialize(s.doc);
  REQUIRE(core::write_file_atomic(dir / "signed.xml", wire));
  CHECK(cli_verifies(dir / "signed.xml", "idp-signing"));

  SECTION("one byte changed inside the signed element: both reject") {
    std::string tampered = flip_name_byte(wire, "carol@contoso");
    REQUIRE(core::write_file_atomic(dir / "tampered.xml", tampered));
    CHECK_FALSE(cli_verifies(dir / "tampered.xml", "idp-signing"));
    core::XmlDoc holder;
    auto verdict = core_verdict(tampered, holder);
    REQUIRE_FALSE(verdict);
    CHECK(verdict.error().reason == Reason::signature_digest_mismatch);
  }
}

TEST_CASE("an assertion signed by the xmlsec1 command line verifies with core", "[core][xmldsig][xmlsec1]") {
  test::TempDir dir;
  std::string wire = cli_signed(dir, "idp-signing");
  core::XmlDoc holder;
  auto verdict = core_verdict(wire, holder);
  REQUIRE(verdict);
  CHECK(core::attribute(verdict->element, "ID") == "_a9");

  SECTION("one byte changed inside the signed element: both reject") {
    std::string tampered = flip_name_byte(wire, "bob@contoso");
    REQUIRE(core::write_file_atomic(dir / "tampered.xml", tampered));
    CHECK_FALSE(cli_verifies(dir / "tampered.xml", "idp-signing"));
    auto rejected = core_verdict(tampered, holder);
    REQUIRE_FALSE(rejected);
    CHECK(rejected.error().reason == Reason::signature_digest_mismatch);
  }
}

TEST_CASE("a document carrying a rogue certificate in KeyInfo is untrusted", "[core][xmldsig][xmlsec1]") {
  test::TempDir dir;
  // Signed by the attacker's key; xmlsec1 puts the attacker's certificate (same subject) in KeyInfo.
  std::string wire = cli_signed(dir, "idp-rogue");
  CHECK(cli_verifies(dir / "signed.xml", "idp-rogue"));  // the signature itself is sound
  core::XmlDoc holder;
  auto verdict = core_verdict(wire, holder);
  REQUIRE_FALSE(verdict);
  CHECK(verdict.error().reason == Reason::key_untrusted);
}
