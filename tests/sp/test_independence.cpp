// SPDX-License-Identifier: Apache-2.0
// Independence (issue 4): a Response signed by the xmlsec1 command line, not by this project's
// code, is accepted; any one-byte change in the signed part is rejected; a signature by a key
// outside the trust store is rejected even with its certificate in KeyInfo.
#include "samlt/core/fs.hpp"
#include "support/process.hpp"
#include "support/sp_harness.hpp"
#include "support/step_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

// An Entra-shaped Response whose Assertion carries an empty Signature template right after its
// Issuer, for xmlsec1 to fill in.
std::string signature_template(test::StepFixture& f) {
  auto spec = test::entra_spec(f.clock.now());
  spec.signing = test::SignWith::none;
  std::string xml = core::serialize(test::build_entra_response(spec).doc);
  std::size_t assertion = xml.find("<Assertion ");
  std::size_t id_start = xml.find("ID=\"", assertion) + 4;
  std::string id = xml.substr(id_start, xml.find('"', id_start) - id_start);
  std::string tmpl =
      "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo><CanonicalizationMethod "
      "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/><SignatureMethod "
      "Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/><Reference URI=\"#" + id +
      "\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/><Transform "
      "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms><DigestMethod "
      "Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference></SignedInfo><SignatureValue/>"
      "<KeyInfo><X509Data/></KeyInfo></Signature>";
  std::size_t issuer_end = xml.find("</Issuer>", assertion) + std::string("</Issuer>").size();
  xml.insert(issuer_end, tmpl);
  return xml;
}

std::string xmlsec1_sign(const test::TempDir& dir, const std::string& xml, const std::string& role) {
  const auto& set = test::test_cert_set();
  REQUIRE(core::write_file_atomic(dir / "template.xml", xml));
  auto result = test::run_command({"xmlsec1", "--sign", "--privkey-pem",
                                   set.key_path(role).string() + "," + set.certificate_path(role).string(),
                                   "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", "--output",
                                   (dir / "signed.xml").string(), (dir / "template.xml").string()});
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto signed_xml = core::read_file(dir / "signed.xml");
  REQUIRE(signed_xml);
  return *signed_xml;
}

}  // namespace

TEST_CASE("independence: a Response signed by the xmlsec1 command line is accepted", "[sp][independence][xmlsec1]") {
  test::TempDir dir;
  test::StepFixture f;
  std::string wire = xmlsec1_sign(dir, signature_template(f), "idp-signing");
  test::SpHarness h;
  sp::Verdict verdict = h.sp->consume_acs_post(test::post_form_of(wire), "browser-1");
  INFO(verdict.step << ": " << core::id(verdict.reason) << ": " << verdict.detail);
  CHECK(verdict.accepted);
  CHECK(verdict.account == test::k_user);
}

TEST_CASE("independence: any one-byte change in the signed part is rejected", "[sp][independence][xmlsec1]") {
  test::TempDir dir;
  test::StepFixture f;
  std::string wire = xmlsec1_sign(dir, signature_template(f), "idp-signing");
  f.form = test::post_form_of(wire);
  sp::Evidence baseline;
  REQUIRE(f.run_all(baseline).accepted);

  // The signed part: the Assertion without its Signature, plus SignedInfo (what SignatureValue covers).
  std::size_t assertion = wire.find("<Assertion ");
  std::size_t assertion_end = wire.find("</Assertion>") + std::string("</Assertion>").size();
  std::size_t signature = wire.find("<Signature", assertion);
  std::size_t signature_end = wire.find("</Signature>", signature) + std::string("</Signature>").size();
  std::size_t info = wire.find("<SignedInfo>", signature);
  std::size_t info_end = wire.find("</SignedInfo>", info) + std::string("</SignedInfo>").size();
  std::vector<std::size_t> positions;
  for (std::size_t i = assertion; i < assertion_end; ++i) {
    if (i < signature || i >= signature_end || (i >= info && i < info_end)) {
      positions.push_back(i);
    }
  }
  REQUIRE(positions.size() > 1000);
  std::size_t accepted = 0;
  for (std::size_t at : positions) {
    std::string changed = wire;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    f.form = test::post_form_of(changed);
    sp::Evidence ev;
    if (f.run_all(ev).accepted) {
      ++accepted;
      UNSCOPED_INFO("accepted with byte " << at << " changed: ..." << changed.substr(at > 20 ? at - 20 : 0, 40) << "...");
    }
  }
  CHECK(accepted == 0);
}

TEST_CASE("independence: an xmlsec1 signature by an untrusted key is key.untrusted", "[sp][independence][xmlsec1]") {
  test::TempDir dir;
  test::StepFixture f;
  // The attacker's key; xmlsec1 puts the attacker's certificate (same subject as the IdP's) in KeyInfo.
  std::string wire = xmlsec1_sign(dir, signature_template(f), "idp-rogue");
  REQUIRE(wire.find("<X509Certificate>") != std::string::npos);
  f.form = test::post_form_of(wire);
  sp::Evidence ev;
  sp::Verdict verdict = f.run_all(ev);
  CHECK_FALSE(verdict.accepted);
  CHECK(verdict.reason == Reason::key_untrusted);
  CHECK(verdict.step == "signature.assertion");
}
