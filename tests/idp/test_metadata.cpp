// SPDX-License-Identifier: Apache-2.0
// Federation metadata (entra-spec §2): structure and order, the 19 claim types, KeyDescriptors
// during rollover, the BOM of the app form, the common form, and signatures (core + xmlsec1).
#include "support/test_certs.hpp"
#include "idp_fixture.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/idp/metadata.hpp"
#include "signature_check.hpp"

#include <catch2/catch.hpp>

using namespace samlt;
using idp::MetadataKind;
using Names = std::vector<std::string>;
namespace n = core::names;

namespace {

const std::string k_bom = "\xEF\xBB\xBF";
const std::string k_declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
const std::string k_base = "http://127.0.0.1:8080";

std::string metadata(MetadataKind kind) {
  const auto& idp = test::idp::default_idp();
  auto bytes =
      idp::federation_metadata(idp, kind, &idp.config().apps.front(), k_base, test::idp::now());
  REQUIRE(bytes);
  return *bytes;
}

std::string body_of(const std::string& bytes) {
  auto at = bytes.find("?>");
  REQUIRE(at != std::string::npos);
  return bytes.substr(at + 2);
}

std::vector<std::string> key_certs(const xmlNode* role) {
  std::vector<std::string> out;
  for (xmlNode* kd : core::children_named(role, n::ns_metadata, "KeyDescriptor")) {
    CHECK(core::attribute(kd, "use") == "signing");
    out.push_back(
        core::simple_text(core::descendants_named(kd, n::ns_dsig, "X509Certificate").front())
            .value());
  }
  return out;
}

}  // namespace

TEST_CASE("app metadata starts with a BOM and the lower-case utf-8 declaration (§2.1)",
          "[idp][metadata]") {
  auto app = metadata(MetadataKind::app);
  CHECK(app.rfind(k_bom + k_declaration + "<EntityDescriptor ID=\"_", 0) == 0);
  auto tenant = metadata(MetadataKind::tenant);
  CHECK(tenant.rfind(k_declaration, 0) == 0);
  auto json = test::idp::config_json();
  json["knobs"] = {{"metadata_bom", false}};
  auto idp = test::idp::make_idp(json);
  auto no_bom = idp::federation_metadata(idp, MetadataKind::app, &idp.config().apps.front(), k_base,
                                         test::idp::now());
  REQUIRE(no_bom);
  CHECK(no_bom->rfind(k_declaration, 0) == 0);
}

TEST_CASE("metadata structure and order are Entra's (§2.2, §2.4)", "[idp][metadata]") {
  auto doc = test::idp::parse(body_of(metadata(MetadataKind::app)));
  const xmlNode* entity = doc.root();
  CHECK(test::idp::attribute_names(entity) == Names{"ID", "entityID"});
  CHECK(core::attribute(entity, "entityID") ==
        "https://sts.windows.net/" + std::string(test::idp::k_tenant) + "/");
  CHECK(test::idp::child_names(entity) ==
        Names{"Signature", "RoleDescriptor", "RoleDescriptor", "IDPSSODescriptor"});
  auto roles = core::children_named(entity, n::ns_metadata, "RoleDescriptor");
  std::string wsfed = k_base + "/" + test::idp::k_tenant + "/wsfed";
  CHECK(test::idp::child_names(roles[0]) ==
        Names{"KeyDescriptor", "KeyDescriptor", "KeyDescriptor", "ClaimTypesOffered",
              "SecurityTokenServiceEndpoint", "PassiveRequestorEndpoint"});
  CHECK(test::idp::child_names(roles[1]) == Names{"KeyDescriptor", "KeyDescriptor", "KeyDescriptor",
                                                  "TargetScopes", "ApplicationServiceEndpoint",
                                                  "PassiveRequestorEndpoint"});
  auto addresses = core::descendants_named(roles[0], n::ns_wsa, "Address");
  CHECK(core::simple_text(addresses.front()) == wsfed);
  auto idpsso = core::child_named(entity, n::ns_metadata, "IDPSSODescriptor");
  CHECK(test::idp::child_names(idpsso) == Names{"KeyDescriptor", "KeyDescriptor", "KeyDescriptor",
                                                "SingleLogoutService", "SingleSignOnService",
                                                "SingleSignOnService"});
  auto services = core::element_children(idpsso);
  CHECK(core::attribute(services[3], "Binding") == n::binding_redirect);
  CHECK(core::attribute(services[4], "Binding") == n::binding_redirect);
  CHECK(core::attribute(services[5], "Binding") == n::binding_post);
  CHECK(core::attribute(services[5], "Location") == k_base + "/" + test::idp::k_tenant + "/saml2");
  // No validUntil, cacheDuration, Organization, NameIDFormat, WantAuthnRequestsSigned (§2.1).
  auto body = body_of(metadata(MetadataKind::app));
  for (std::string absent :
       {"validUntil", "cacheDuration", "Organization", "NameIDFormat", "WantAuthnRequestsSigned"}) {
    CHECK(body.find(absent) == std::string::npos);
  }
}

TEST_CASE("ClaimTypesOffered: the 19 claim types in order, each repeating xmlns:auth (§2.3)",
          "[idp][metadata]") {
  auto body = body_of(metadata(MetadataKind::app));
  auto doc = test::idp::parse(body);
  auto types = core::descendants_named(doc.root(), n::ns_auth, "ClaimType");
  REQUIRE(types.size() == 19);
  CHECK(core::attribute(types[0], "Uri") ==
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
  CHECK(core::attribute(types[11], "Uri") == std::string(n::claim_email));
  CHECK(core::attribute(types[16], "Uri") == std::string(n::claim_groups_link));
  CHECK(core::attribute(types[18], "Uri") ==
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/wids");
  CHECK(test::idp::child_names(types[4]) == Names{"DisplayName", "Description"});
  std::size_t declarations = 0;
  for (auto at = body.find("<auth:ClaimType Uri="); at != std::string::npos;
       at = body.find("<auth:ClaimType Uri=", at + 1)) {
    declarations +=
        body.substr(at, body.find('>', at) - at).find("xmlns:auth=") != std::string::npos ? 1 : 0;
  }
  CHECK(declarations == 19);
  CHECK(body.find("<auth:Description>Roles that the user or Service Principal is attached "
                  "to</auth:Description>") != std::string::npos);
}

TEST_CASE("KeyDescriptors: the signing certificate first, then the advertised ones (rollover)",
          "[idp][metadata]") {
  auto doc = test::idp::parse(body_of(metadata(MetadataKind::app)));
  auto idpsso = core::child_named(doc.root(), n::ns_metadata, "IDPSSODescriptor");
  CHECK(key_certs(idpsso) ==
        std::vector<std::string>{
            test::test_credential("idp-signing").certificate.base64(),
            test::test_credential("idp-signing-next").certificate.base64(),
            test::test_credential("idp-signing-expired").certificate.base64()});
}

TEST_CASE("metadata signatures verify with core and with xmlsec1 (BOM included)",
          "[idp][metadata][xmlsec1]") {
  for (auto kind : {MetadataKind::app, MetadataKind::tenant, MetadataKind::common}) {
    auto bytes = metadata(kind);
    CHECK(test::idp::xmlsec1_verifies(bytes, "EntityDescriptor", "idp-signing"));
    auto doc = test::idp::parse(body_of(bytes));
    auto verified = test::idp::core_verifies(doc, doc.root(), "idp-signing");
    REQUIRE(verified);
    CHECK(verified->element == doc.root());
  }
}

TEST_CASE("common metadata carries the literal {tenantid} and /common/ endpoints (§2.1)",
          "[idp][metadata]") {
  auto doc = test::idp::parse(body_of(metadata(MetadataKind::common)));
  CHECK(core::attribute(doc.root(), "entityID") == "https://sts.windows.net/{tenantid}/");
  auto services = core::descendants_named(doc.root(), n::ns_metadata, "SingleSignOnService");
  CHECK(core::attribute(services.front(), "Location") == k_base + "/common/saml2");
}
