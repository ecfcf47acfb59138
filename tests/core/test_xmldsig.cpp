// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/xmldsig.hpp"

#include "samlt/core/saml_names.hpp"
#include "support/test_certs.hpp"
#include "xmldsig_fixture.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace samlt;
using core::Reason;
namespace n = core::names;

namespace {

std::vector<core::Certificate> trust(std::initializer_list<std::string_view> roles) {
  std::vector<core::Certificate> out;
  for (auto role : roles) {
    out.push_back(test::test_credential(role).certificate);
  }
  return out;
}

// Signs the sample assertion, serialises, and parses it back as a receiver would.
core::XmlDoc signed_assertion_wire(std::string_view role = "idp-signing",
                                   core::SignOptions options = {}) {
  auto s = test::make_sample_response();
  REQUIRE(core::sign_enveloped(s.doc, s.assertion, test::test_credential(role), options));
  auto parsed = core::parse_strict(core::serialize(s.doc));
  REQUIRE(parsed);
  return std::move(*parsed);
}

xmlNode* assertion_of(const core::XmlDoc& doc) {
  return core::child_named(doc.root(), n::ns_assertion, "Assertion");
}

xmlNode* signature_of(xmlNode* element) {
  auto sig = core::enveloped_signature_of(element);
  REQUIRE(sig);
  REQUIRE(*sig != nullptr);
  return *sig;
}

Reason verify_reason(core::XmlDoc& doc, xmlNode* signature, const std::vector<core::Certificate>& trusted,
                     const core::VerifyOptions& options = {}) {
  auto verified = core::verify_enveloped(doc, signature, trusted, options);
  REQUIRE_FALSE(verified);
  return verified.error().reason;
}

xmlNode* dsig_child(xmlNode* parent, const char* name) { return core::child_named(parent, n::ns_dsig, name); }

}  // namespace

TEST_CASE("sign_enveloped writes Entra's signature shape", "[core][xmldsig]") {
  auto s = test::make_sample_response();
  auto signature = core::sign_enveloped(s.doc, s.assertion, test::test_credential("idp-signing"));
  REQUIRE(signature);
  // Right after Issuer, default namespace (no ds: prefix), KeyInfo with one X509Certificate.
  CHECK(core::next_element_sibling(core::first_element_child(s.assertion)) == *signature);
  std::string wire = core::serialize(*signature);
  CHECK(wire.rfind("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>", 0) == 0);
  CHECK(wire.find("<Reference URI=\"#_a1\"><Transforms><Transform Algorithm=\"" + std::string(n::alg_enveloped) +
                  "\"/><Transform Algorithm=\"" + std::string(n::alg_exc_c14n) + "\"/></Transforms>") !=
        std::string::npos);
  CHECK(wire.find(std::string(n::alg_rsa_sha256)) != std::string::npos);
  CHECK(wire.find('\n') == std::string::npos);
  xmlNode* value = dsig_child(*signature, "SignatureValue");
  CHECK(core::simple_text(value)->size() == 344);  // RSA-2048, one line, as Entra's
  xmlNode* cert = dsig_child(dsig_child(dsig_child(*signature, "KeyInfo"), "X509Data"), "X509Certificate");
  CHECK(*core::simple_text(cert) == test::test_credential("idp-signing").certificate.base64());
}

TEST_CASE("sign_enveloped honours SHA-1 and the legacy ds: prefix", "[core][xmldsig]") {
  auto s = test::make_sample_response();
  core::SignOptions options;
  options.algorithm = core::SignatureAlgorithm::rsa_sha1;
  options.style = core::SignatureStyle::ds_prefix;
  auto signature = core::sign_enveloped(s.doc, s.response, test::test_credential("idp-signing"), options);
  REQUIRE(signature);
  std::string wire = core::serialize(*signature);
  CHECK(wire.rfind("<ds:Signature xmlns:ds=", 0) == 0);
  CHECK(wire.find(std::string(n::alg_rsa_sha1)) != std::string::npos);
  CHECK(wire.find(std::string(n::alg_sha1)) != std::string::npos);
}

TEST_CASE("sign_enveloped refuses an element without ID", "[core][xmldsig]") {
  auto s = test::make_sample_response();
  core::remove_attribute(s.assertion, "ID");
  auto signature = core::sign_enveloped(s.doc, s.assertion, test::test_credential("idp-signing"));
  REQUIRE_FALSE(signature);
  CHECK(signature.error().reason == Reason::internal_error);
}

TEST_CASE("verify_enveloped accepts a valid signature and returns the signed node", "[core][xmldsig]") {
  auto doc = signed_assertion_wire();
  xmlNode* assertion = assertion_of(doc);
  auto verified = core::verify_enveloped(doc, signature_of(assertion), trust({"idp-signing"}));
  REQUIRE(verified);
  CHECK(verified->element == assertion);
  CHECK(verified->certificate.same_as(test::test_credential("idp-signing").certificate));
  CHECK(verified->algorithm == core::SignatureAlgorithm::rsa_sha256);
}

TEST_CASE("verify_enveloped tries every trusted key (rollover)", "[core][xmldsig]") {
  auto doc = signed_assertion_wire("idp-signing-next");
  auto verified = core::verify_enveloped(doc, signature_of(assertion_of(doc)), trust({"idp-signing", "idp-signing-next"}));
  REQUIRE(verified);
  CHECK(verified->certificate.same_as(test::test_credential("idp-signing-next").certificate));
}

TEST_CASE("verify_enveloped: reasons for key trust failures", "[core][xmldsig]") {
  SECTION("rogue certificate in KeyInfo is untrusted") {
    auto doc = signed_assertion_wire("idp-rogue");
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), trust({"idp-signing"})) == Reason::key_untrusted);
  }
  SECTION("trusted certificate in KeyInfo but another key signed: invalid") {
    auto doc = signed_assertion_wire("idp-rogue");
    xmlNode* cert = dsig_child(dsig_child(dsig_child(signature_of(assertion_of(doc)), "KeyInfo"), "X509Data"), "X509Certificate");
    core::set_text(cert, test::test_credential("idp-signing").certificate.base64());
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), trust({"idp-signing"})) == Reason::signature_invalid);
  }
  SECTION("no trusted keys") {
    auto doc = signed_assertion_wire();
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), {}) == Reason::key_no_trusted_keys);
  }
  SECTION("weak key") {
    auto doc = signed_assertion_wire("idp-weak");
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), trust({"idp-signing", "idp-weak"})) == Reason::key_too_weak);
  }
  SECTION("without KeyInfo, the wrong key is simply invalid") {
    core::SignOptions options;
    options.include_certificate = false;
    auto doc = signed_assertion_wire("idp-rogue", options);
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), trust({"idp-signing"})) == Reason::signature_invalid);
  }
}

TEST_CASE("verify_enveloped: tampering", "[core][xmldsig]") {
  SECTION("content changed after signing") {
    auto doc = signed_assertion_wire();
    xmlNode* name_id = core::descendants_named(doc.root(), n::ns_assertion, "NameID").front();
    core::set_text(name_id, "mallory@contoso.example");
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), trust({"idp-signing"})) == Reason::signature_digest_mismatch);
  }
  SECTION("SignatureValue changed") {
    auto doc = signed_assertion_wire();
    xmlNode* value = dsig_child(signature_of(assertion_of(doc)), "SignatureValue");
    std::string text = *core::simple_text(value);
    text[10] = text[10] == 'A' ? 'B' : 'A';
    core::set_text(value, text);
    CHECK(verify_reason(doc, signature_of(assertion_of(doc)), trust({"idp-signing"})) == Reason::signature_invalid);
  }
}

TEST_CASE("verify_enveloped: signature profile", "[core][xmldsig]") {
  auto doc = signed_assertion_wire();
  xmlNode* signature = signature_of(assertion_of(doc));
  xmlNode* signed_info = dsig_child(signature, "SignedInfo");
  xmlNode* reference = dsig_child(signed_info, "Reference");
  auto trusted = trust({"idp-signing"});

  SECTION("SHA-1 refused by default, accepted when allowed") {
    core::SignOptions sha1;
    sha1.algorithm = core::SignatureAlgorithm::rsa_sha1;
    auto old = signed_assertion_wire("idp-signing", sha1);
    CHECK(verify_reason(old, signature_of(assertion_of(old)), trusted) == Reason::signature_algorithm_forbidden);
    core::VerifyOptions lax;
    lax.allowed_algorithms.push_back(core::SignatureAlgorithm::rsa_sha1);
    CHECK(core::verify_enveloped(old, signature_of(assertion_of(old)), trusted, lax));
  }
  SECTION("Reference to another element") {
    core::set_attribute(reference, "URI", "#_r1");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_reference_not_parent);
  }
  SECTION("whole-document Reference") {
    core::set_attribute(reference, "URI", "");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_reference_not_parent);
  }
  SECTION("two References") {
    xmlAddNextSibling(reference, xmlCopyNode(reference, 1));
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_reference_count);
  }
  SECTION("XSLT transform") {
    xmlNode* transforms = dsig_child(reference, "Transforms");
    core::set_attribute(core::append_element(transforms, n::ns_dsig, "", "Transform"), "Algorithm",
                        "http://www.w3.org/TR/1999/REC-xslt-19991116");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_transform_forbidden);
  }
  SECTION("inclusive c14n") {
    core::set_attribute(dsig_child(signed_info, "CanonicalizationMethod"), "Algorithm",
                        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_c14n_forbidden);
  }
  SECTION("ds:Object") {
    core::append_element(signature, n::ns_dsig, "", "Object", "x");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_object_forbidden);
  }
  SECTION("HMAC SignatureMethod") {
    core::set_attribute(dsig_child(signed_info, "SignatureMethod"), "Algorithm",
                        "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_algorithm_forbidden);
  }
  SECTION("duplicate ID elsewhere (XSW-ID-DUP)") {
    xmlNode* copy = xmlCopyNode(assertion_of(doc), 1);
    xmlAddChild(core::child_named(doc.root(), n::ns_protocol, "Status"), copy);
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_id_ambiguous);
  }
  SECTION("competing lower-case id attribute (XSW-ID-XMLID)") {
    core::set_attribute(core::child_named(doc.root(), n::ns_protocol, "Status"), "id", "_a1");
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_id_ambiguous);
  }
  SECTION("missing SignatureValue") {
    core::remove_node(dsig_child(signature, "SignatureValue"));
    CHECK(verify_reason(doc, signature, trusted) == Reason::signature_malformed);
  }
}

TEST_CASE("enveloped_signature_of finds, counts and places", "[core][xmldsig]") {
  auto doc = signed_assertion_wire();
  xmlNode* assertion = assertion_of(doc);
  SECTION("none") {
    auto found = core::enveloped_signature_of(doc.root());
    REQUIRE(found);
    CHECK(*found == nullptr);
  }
  SECTION("two") {
    xmlNode* signature = signature_of(assertion);
    xmlAddNextSibling(signature, xmlCopyNode(signature, 1));
    auto found = core::enveloped_signature_of(assertion);
    REQUIRE_FALSE(found);
    CHECK(found.error().reason == Reason::signature_multiple);
  }
  SECTION("misplaced after Subject") {
    xmlNode* signature = signature_of(assertion);
    xmlUnlinkNode(signature);
    xmlAddChild(assertion, signature);
    auto found = core::enveloped_signature_of(assertion);
    REQUIRE_FALSE(found);
    CHECK(found.error().reason == Reason::signature_misplaced);
  }
}
