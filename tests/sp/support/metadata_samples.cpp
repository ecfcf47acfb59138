// SPDX-License-Identifier: Apache-2.0
#include "support/metadata_samples.hpp"

#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"
#include "support/test_certs.hpp"

#include <catch2/catch.hpp>

namespace samlt::test {
namespace {

namespace n = core::names;

void signing_key(xmlNode* role, const std::string& cert_role, const char* ds_prefix) {
  xmlNode* descriptor = core::append_element(role, n::ns_metadata, role->ns && role->ns->prefix ? "md" : "", "KeyDescriptor");
  core::set_attribute(descriptor, "use", "signing");
  xmlNode* info = core::append_element(descriptor, n::ns_dsig, ds_prefix, "KeyInfo");
  xmlNode* data = core::append_element(info, n::ns_dsig, ds_prefix, "X509Data");
  core::append_element(data, n::ns_dsig, ds_prefix, "X509Certificate", test_credential(cert_role).certificate.base64());
}

void endpoint(xmlNode* role, const char* prefix, const char* local, std::string_view binding, const std::string& location) {
  xmlNode* service = core::append_element(role, n::ns_metadata, prefix, local);
  core::set_attribute(service, "Binding", binding);
  core::set_attribute(service, "Location", location);
}

}  // namespace

std::string entra_metadata(const EntraMetadataOptions& options) {
  auto doc = core::XmlDoc::create();
  xmlNode* entity = core::make_root(doc, n::ns_metadata, "", "EntityDescriptor");
  core::set_attribute(entity, "ID", "_0e7dc0f5-bee7-46b8-a605-6ea4c23ce815");
  core::set_attribute(entity, "entityID", options.entity_id);
  for (const char* type : {"fed:SecurityTokenServiceType", "fed:ApplicationServiceType"}) {
    xmlNode* role = core::append_element(entity, n::ns_metadata, "", "RoleDescriptor");
    core::set_attribute_ns(role, n::ns_xsi, "xsi", "type", type);
    core::set_attribute(role, "protocolSupportEnumeration", n::ns_fed);
    xmlNs* fed = xmlNewNs(role, BAD_CAST std::string(n::ns_fed).c_str(), BAD_CAST "fed");
    (void)fed;
    for (const auto& cert : options.certificates) {
      signing_key(role, cert, "");
    }
    xmlNode* claims = core::append_element(role, n::ns_fed, "fed", "ClaimTypesOffered");
    xmlNode* claim = core::append_element(claims, n::ns_auth, "auth", "ClaimType");
    core::set_attribute(claim, "Uri", n::claim_name);
    core::append_element(claim, n::ns_auth, "auth", "DisplayName", "Name");
    core::append_element(claim, n::ns_auth, "auth", "Description", "The mutable display name of the user.");
  }
  xmlNode* idp = core::append_element(entity, n::ns_metadata, "", "IDPSSODescriptor");
  core::set_attribute(idp, "protocolSupportEnumeration", n::ns_protocol);
  for (const auto& cert : options.certificates) {
    signing_key(idp, cert, "");
  }
  endpoint(idp, "", "SingleLogoutService", n::binding_redirect, options.sso_url);
  endpoint(idp, "", "SingleSignOnService", n::binding_redirect, options.sso_url);
  endpoint(idp, "", "SingleSignOnService", n::binding_post, options.sso_url);
  if (!options.signer.empty()) {
    REQUIRE(core::sign_enveloped(doc, entity, test_credential(options.signer)));
  }
  return std::string(options.bom ? "\xEF\xBB\xBF" : "") + "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + core::serialize(doc);
}

std::string keycloak_metadata(const std::string& certificate_role) {
  std::string cert = test_credential(certificate_role).certificate.base64();
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<md:EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="urn:keycloak">
  <md:EntityDescriptor entityID="http://localhost:18080/realms/test">
    <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
      <md:KeyDescriptor use="signing">
        <ds:KeyInfo>
          <ds:KeyName>k0CKx_2d3Y2jW8eN6VqoQqD4nWk2ZB8VvYlI3WcH6dU</ds:KeyName>
          <ds:X509Data>
            <ds:X509Certificate>)" + cert + R"(</ds:X509Certificate>
          </ds:X509Data>
        </ds:KeyInfo>
      </md:KeyDescriptor>
      <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="http://localhost:18080/realms/test/protocol/saml/resolve" index="0"></md:ArtifactResolutionService>
      <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleLogoutService>
      <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleLogoutService>
      <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleLogoutService>
      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
      <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
      <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleSignOnService>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleSignOnService>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleSignOnService>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="http://localhost:18080/realms/test/protocol/saml"></md:SingleSignOnService>
    </md:IDPSSODescriptor>
  </md:EntityDescriptor>
</md:EntitiesDescriptor>
)";
}

}  // namespace samlt::test
