// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/metadata_import.hpp"
#include "samlt/core/saml_time.hpp"
#include "samlt/sp/service_provider.hpp"
#include "support/metadata_samples.hpp"
#include "support/sp_harness.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using core::Reason;

namespace {

Reason import_reason(const std::string& xml) {
  auto metadata = sp::parse_idp_metadata(xml, test::test_now());
  REQUIRE_FALSE(metadata);
  return metadata.error().reason;
}

const char* k_minimal_prefix =
    "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example/\">"
    "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">";

std::string key(const std::string& use) {
  return "<KeyDescriptor" + (use.empty() ? std::string() : " use=\"" + use + "\"") +
         "><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>" +
         test::test_credential("idp-signing").certificate.base64() + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>";
}

std::string sso(const std::string& location = "https://idp.example/sso") {
  return "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + location + "\"/>";
}

std::string minimal(const std::string& inner) { return k_minimal_prefix + inner + "</IDPSSODescriptor></EntityDescriptor>"; }

}  // namespace

TEST_CASE("metadata: Entra app metadata with a BOM and three certificates", "[sp][metadata]") {
  auto metadata = sp::parse_idp_metadata(test::entra_metadata(), test::test_now());
  REQUIRE(metadata);
  CHECK(metadata->entity_id == test::k_idp_entity_id);
  CHECK(metadata->sso_url == test::k_idp_sso_url);
  CHECK(metadata->slo_url == test::k_idp_sso_url);
  REQUIRE(metadata->signing_certificates.size() == 3);
  CHECK(metadata->signing_certificates[2].same_as(test::test_credential("idp-signing-expired").certificate));
  CHECK(metadata->is_signed);
  std::vector<core::Certificate> trusted{test::test_credential("idp-signing").certificate};
  CHECK(sp::verify_metadata_signature(test::entra_metadata(), trusted, sp::Policy{}));
}

TEST_CASE("metadata: a Keycloak realm descriptor", "[sp][metadata]") {
  auto metadata = sp::parse_idp_metadata(test::keycloak_metadata(), test::test_now());
  REQUIRE(metadata);
  CHECK(metadata->entity_id == "http://localhost:18080/realms/test");
  CHECK(metadata->sso_url == "http://localhost:18080/realms/test/protocol/saml");
  CHECK(metadata->slo_url == "http://localhost:18080/realms/test/protocol/saml");
  CHECK(metadata->signing_certificates.size() == 1);
  CHECK(metadata->want_authn_requests_signed);
  CHECK_FALSE(metadata->is_signed);
}

TEST_CASE("metadata: KeyDescriptor without use is a signing key (POS-KEYDESCRIPTOR-NO-USE)", "[sp][metadata]") {
  auto metadata = sp::parse_idp_metadata(minimal(key("") + sso()), test::test_now());
  REQUIRE(metadata);
  CHECK(metadata->signing_certificates.size() == 1);
}

TEST_CASE("metadata: malformed documents and their reasons", "[sp][metadata]") {
  CHECK(import_reason(minimal(key("encryption") + sso())) == Reason::metadata_no_signing_key);
  CHECK(import_reason(
            "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"urn:sp\"><SPSSODescriptor "
            "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/></EntityDescriptor>") ==
        Reason::metadata_no_idp);
  CHECK(import_reason("<html><body>login page</body></html>") == Reason::metadata_invalid);
  CHECK(import_reason(minimal(key("signing"))) == Reason::metadata_invalid);  // no Redirect SSO
  CHECK(import_reason(minimal(key("signing") + sso("javascript:alert(1)"))) == Reason::metadata_invalid);
  CHECK(import_reason(minimal("<KeyDescriptor><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
                              "<X509Certificate>bm90IGEgY2VydA==</X509Certificate></X509Data></KeyInfo></KeyDescriptor>" +
                              sso())) == Reason::metadata_invalid);
  std::string expired = minimal(key("signing") + sso());
  expired.insert(expired.find(" entityID"), " validUntil=\"2001-01-01T00:00:00Z\"");
  CHECK(import_reason(expired) == Reason::metadata_invalid);
  std::string no_entity = minimal(key("signing") + sso());
  no_entity.replace(no_entity.find("entityID=\"https://idp.example/\""), 31, "");
  CHECK(import_reason(no_entity) == Reason::metadata_invalid);
  CHECK(import_reason("<EntityDescriptor") == Reason::xml_malformed);
  CHECK(import_reason("<!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:9/\">]>" + minimal(key("") + sso())) ==
        Reason::xml_doctype_forbidden);
}

TEST_CASE("metadata: the signature check of a refresh", "[sp][metadata]") {
  std::vector<core::Certificate> other{test::test_credential("idp-rogue").certificate};
  auto wrong = sp::verify_metadata_signature(test::entra_metadata(), other, sp::Policy{});
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().reason == Reason::metadata_signature_invalid);
  CHECK(wrong.error().detail.rfind("key.untrusted: ", 0) == 0);
  test::EntraMetadataOptions unsigned_options;
  unsigned_options.signer.clear();
  std::vector<core::Certificate> trusted{test::test_credential("idp-signing").certificate};
  auto unsigned_doc = sp::verify_metadata_signature(test::entra_metadata(unsigned_options), trusted, sp::Policy{});
  REQUIRE_FALSE(unsigned_doc);
  CHECK(unsigned_doc.error().reason == Reason::metadata_signature_missing);
}

TEST_CASE("metadata: registering IdPs in the SP (trust on first use, then signed refreshes)", "[sp][metadata]") {
  test::SpHarness h;  // registers "entra" from entra_metadata()
  auto idps = h.sp->list_idps();
  REQUIRE(idps->size() == 1);
  CHECK(idps->front().certificates_pem.size() == 3);

  SECTION("a refresh signed by an untrusted key is refused and changes nothing (MD-WRONG-SIGNER)") {
    test::EntraMetadataOptions rogue;
    rogue.signer = "idp-rogue";
    rogue.certificates = {"idp-rogue"};
    auto refreshed = h.sp->register_idp_from_metadata("entra", test::entra_metadata(rogue));
    REQUIRE_FALSE(refreshed);
    CHECK(refreshed.error().reason == Reason::metadata_signature_invalid);
    CHECK(h.sp->list_idps()->front().certificates_pem.size() == 3);
  }
  SECTION("an unsigned refresh is refused and changes nothing (MD-UNSIGNED, MD-DYNAMIC-UNFILTERED)") {
    test::EntraMetadataOptions unsigned_rogue;
    unsigned_rogue.signer.clear();
    unsigned_rogue.certificates = {"idp-rogue"};
    auto refreshed = h.sp->register_idp_from_metadata("entra", test::entra_metadata(unsigned_rogue));
    REQUIRE_FALSE(refreshed);
    CHECK(refreshed.error().reason == Reason::metadata_signature_missing);
    CHECK(h.sp->list_idps()->front().certificates_pem.size() == 3);
  }
  SECTION("a refresh must describe the registered entity (MD-ENTITYID-MISMATCH)") {
    test::EntraMetadataOptions other_entity;
    other_entity.entity_id = "https://sts.windows.net/f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e/";
    auto refreshed = h.sp->register_idp_from_metadata("entra", test::entra_metadata(other_entity));
    REQUIRE_FALSE(refreshed);
    CHECK(refreshed.error().reason == Reason::metadata_entity_id_mismatch);
    CHECK(h.sp->list_idps()->front().entity_id == test::k_idp_entity_id);
  }
  SECTION("a signed EntityDescriptor inside an unsigned aggregate vouches for nothing (MD-XSW)") {
    std::string signed_entity = test::entra_metadata([] {
      test::EntraMetadataOptions o;
      o.bom = false;
      return o;
    }());
    signed_entity = signed_entity.substr(signed_entity.find("?>") + 2);
    std::string aggregate = "<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + signed_entity +
                            "</EntitiesDescriptor>";
    auto refreshed = h.sp->register_idp_from_metadata("entra", aggregate);
    REQUIRE_FALSE(refreshed);
    CHECK(refreshed.error().reason == Reason::metadata_signature_missing);
  }
  SECTION("a refresh signed by a trusted key may roll the certificates") {
    test::EntraMetadataOptions rolled;
    rolled.signer = "idp-signing-next";
    rolled.certificates = {"idp-signing-next"};
    REQUIRE(h.sp->register_idp_from_metadata("entra", test::entra_metadata(rolled)));
    CHECK(h.sp->list_idps()->front().certificates_pem.size() == 1);
  }
  SECTION("one entity ID cannot be registered under two names") {
    auto twice = h.sp->register_idp_from_metadata("entra-again", test::entra_metadata());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().reason == Reason::config_invalid);
  }
  SECTION("a second IdP, then enable/disable/remove") {
    REQUIRE(h.sp->register_idp_from_metadata("keycloak", test::keycloak_metadata()));
    CHECK(h.sp->list_idps()->size() == 2);
    REQUIRE(h.sp->set_idp_enabled("keycloak", false));
    CHECK_FALSE(h.sp->begin_login("keycloak", "", "b"));
    REQUIRE(h.sp->remove_idp("keycloak"));
    CHECK(h.sp->set_idp_enabled("keycloak", true).error().reason == Reason::config_invalid);
  }
  SECTION("the manual fallback") {
    REQUIRE(h.sp->register_idp_manual("manual", "https://idp.example/", "https://idp.example/sso",
                                      test::test_credential("idp-signing-next").certificate.pem()));
    CHECK(h.sp->register_idp_manual("bad", "https://idp2.example/", "ftp://x", "PEM").error().reason == Reason::config_invalid);
    CHECK(h.sp->register_idp_manual("bad", "https://idp2.example/", "https://x/", "PEM").error().reason == Reason::key_pem_invalid);
  }
}

TEST_CASE("metadata: validUntil as the policy bounds it (MD-VALIDITY)", "[sp][metadata]") {
  auto config = test::test_sp_config();
  config.policy.require_metadata_valid_until = true;
  config.policy.max_metadata_validity_days = 400;
  auto store = sp::Store::open(":memory:");
  REQUIRE(store);
  core::FixedClock clock(test::test_now());
  sp::ServiceProvider sp(config, std::move(*store), clock, sp::null_log_sink());
  test::EntraMetadataOptions unsigned_options;
  unsigned_options.signer.clear();
  std::string xml = test::entra_metadata(unsigned_options);
  auto with_valid_until = [&](core::TimePoint at) {
    std::string out = xml;
    out.insert(out.find("<EntityDescriptor ") + 18, "validUntil=\"" + core::format_datetime(at) + "\" ");
    return out;
  };
  auto none = sp.register_idp_from_metadata("entra", xml);
  REQUIRE_FALSE(none);
  CHECK(none.error().reason == Reason::metadata_valid_until_missing);
  auto far = sp.register_idp_from_metadata("entra", with_valid_until(test::test_now() + std::chrono::days(36500)));
  REQUIRE_FALSE(far);
  CHECK(far.error().reason == Reason::metadata_valid_until_too_far);
  auto past = sp.register_idp_from_metadata("entra", with_valid_until(test::test_now() - std::chrono::days(1)));
  REQUIRE_FALSE(past);
  CHECK(past.error().reason == Reason::metadata_invalid);
  CHECK(sp.register_idp_from_metadata("entra", with_valid_until(test::test_now() + std::chrono::days(30))));
  // The default policy takes Entra's metadata, which has no validUntil.
  CHECK(sp::Policy{}.require_metadata_valid_until == false);
  CHECK(sp::Policy{}.max_metadata_validity_days == 0);
}
