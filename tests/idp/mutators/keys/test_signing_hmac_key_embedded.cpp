// SPDX-License-Identifier: Apache-2.0
#include "idp_fixture.hpp"
#include "mutators/mutator_fixture.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"
#include "samlt/core/saml_names.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
namespace n = core::names;

namespace {

xmlNode* signature_of(const xmlNode* element) { return core::child_named(element, n::ns_dsig, "Signature"); }

// The oracle: xmlsec1 --verify with the HMAC secret the message carries (--hmackey), selecting the
// forged Signature by XPath.
test::CommandResult xmlsec1_with_secret(const std::string& xml, const std::string& secret, const std::string& xpath) {
  test::TempDir dir;
  REQUIRE(core::write_file_atomic(dir / "message.xml", xml));
  REQUIRE(core::write_file_atomic(dir / "secret.bin", secret));
  return test::run_command({"xmlsec1", "--verify", "--hmackey", (dir / "secret.bin").string(), "--id-attr:ID",
                            "urn:oasis:names:tc:SAML:2.0:protocol:Response", "--id-attr:ID",
                            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", "--node-xpath", xpath,
                            (dir / "message.xml").string()});
}

void check_forged(const test::idp::Mutation& m, xmlNode* signed_element, const std::string& xpath) {
  xmlNode* signature = signature_of(signed_element);
  REQUIRE(signature != nullptr);
  xmlNode* method = core::child_named(core::child_named(signature, n::ns_dsig, "SignedInfo"), n::ns_dsig,
                                      "SignatureMethod");
  CHECK(core::attribute(method, "Algorithm") == "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
  xmlNode* value = core::child_named(core::child_named(signature, n::ns_dsig, "KeyInfo"), n::ns_dsig, "KeyValue");
  xmlNode* hmac = core::child_named(value, "http://www.aleksey.com/xmlsec/2002", "HMACKeyValue");
  REQUIRE(hmac != nullptr);
  auto secret = core::base64_decode(core::simple_text(hmac).value_or(""));
  REQUIRE(secret);
  CHECK(secret->size() == 20);
  CHECK(core::simple_text(test::idp::one(m.mutated_doc.root(), "NameID")) == "megan.bowen@contoso.example");
  auto verdict = xmlsec1_with_secret(m.mutated.xml, *secret, xpath);
  INFO(verdict.output);
  CHECK(verdict.exit_code == 0);
  // xmlsec1 takes the key from the message's own HMACKeyValue, so the proof that the forgery rests
  // on that key is a message carrying another one: it no longer verifies.
  std::string other_key = m.mutated.xml;
  std::string shipped = core::simple_text(hmac).value_or("");
  REQUIRE(other_key.find(shipped) != std::string::npos);
  other_key.replace(other_key.find(shipped), shipped.size(), core::base64_encode(std::string(20, 'x')));
  auto wrong = xmlsec1_with_secret(other_key, std::string(20, 'x'), xpath);
  CHECK(wrong.exit_code != 0);
}

}  // namespace

TEST_CASE("signing.hmac_key_embedded forges the victim under an HMAC key shipped in KeyInfo (assertion)",
          "[mutator][signing.hmac_key_embedded]") {
  auto m = test::idp::mutate("signing.hmac_key_embedded");
  CHECK(m.differences == std::vector<std::string>{
                             "Response/Assertion/Subject/NameID: text",
                             "Response/Assertion/AttributeStatement/Attribute[8]/AttributeValue: text",
                             "Response/Assertion/AttributeStatement/Attribute[9]/AttributeValue: text"});
  check_forged(m, test::idp::one(m.mutated_doc.root(), "Assertion"),
               "/*/*[local-name()='Assertion']/*[local-name()='Signature']");
  CHECK(samlt::idp::find_mutator("signing.hmac_key_embedded")->expected ==
        core::Reason::signature_algorithm_forbidden);
}

TEST_CASE("signing.hmac_key_embedded signature=response forges the Response signature",
          "[mutator][signing.hmac_key_embedded]") {
  auto m = test::idp::mutate("signing.hmac_key_embedded", {{"signature", "response"}}, {{"signing", "response"}});
  check_forged(m, m.mutated_doc.root(), "/*/*[local-name()='Signature']");
  CHECK(test::idp::mutate_error("signing.hmac_key_embedded", {{"signature", "response"}}).reason ==
        core::Reason::mutator_not_applicable);
}
