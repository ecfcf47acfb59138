// SPDX-License-Identifier: Apache-2.0
// Federation metadata in Entra's exact structure and order (entra-spec §2.2, §2.3, §2.4).
#include "samlt/idp/metadata.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmldsig.hpp"

namespace samlt::idp {
namespace {

namespace n = core::names;
using core::append_element;
using core::set_attribute;

struct ClaimType {
  std::string_view uri;
  std::string_view display_name;
  std::string_view description;
};

// entra-spec §2.3, verbatim (row 18 has no trailing period in the real documents).
constexpr ClaimType k_claim_types[] = {
    {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "Name",
     "The mutable display name of the user."},
    {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", "Subject",
     "An immutable, globally unique, non-reusable identifier of the user that is unique to the "
     "application for which a token is issued."},
    {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "Given Name",
     "First name of the user."},
    {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "Surname",
     "Last name of the user."},
    {"http://schemas.microsoft.com/identity/claims/displayname", "Display Name",
     "Display name of the user."},
    {"http://schemas.microsoft.com/identity/claims/nickname", "Nick Name",
     "Nick name of the user."},
    {"http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationinstant",
     "Authentication Instant",
     "The time (UTC) when the user is authenticated to Windows Azure Active Directory."},
    {"http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationmethod",
     "Authentication Method",
     "The method that Windows Azure Active Directory uses to authenticate users."},
    {"http://schemas.microsoft.com/identity/claims/objectidentifier", "ObjectIdentifier",
     "Primary identifier for the user in the directory. Immutable, globally unique, non-reusable."},
    {"http://schemas.microsoft.com/identity/claims/tenantid", "TenantId",
     "Identifier for the user's tenant."},
    {"http://schemas.microsoft.com/identity/claims/identityprovider", "IdentityProvider",
     "Identity provider for the user."},
    {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "Email",
     "Email address of the user."},
    {"http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "Groups",
     "Groups of the user."},
    {"http://schemas.microsoft.com/identity/claims/accesstoken", "External Access Token",
     "Access token issued by external identity provider."},
    {"http://schemas.microsoft.com/ws/2008/06/identity/claims/expiration",
     "External Access Token Expiration",
     "UTC expiration time of access token issued by external identity provider."},
    {"http://schemas.microsoft.com/identity/claims/openid2_id", "External OpenID 2.0 Identifier",
     "OpenID 2.0 identifier issued by external identity provider."},
    {"http://schemas.microsoft.com/claims/groups.link", "GroupsOverageClaim",
     "Issued when number of user's group claims exceeds return limit."},
    {"http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Role Claim",
     "Roles that the user or Service Principal is attached to"},
    {"http://schemas.microsoft.com/ws/2008/06/identity/claims/wids", "RoleTemplate Id Claim",
     "Role template id of the Built-in Directory Roles that the user is a member of"},
};

void add_key_descriptors(xmlNode* parent, const std::vector<core::Certificate>& certs) {
  for (const auto& cert : certs) {
    xmlNode* descriptor = append_element(parent, n::ns_metadata, "", "KeyDescriptor");
    set_attribute(descriptor, "use", "signing");
    xmlNode* key_info = append_element(descriptor, n::ns_dsig, "", "KeyInfo");
    xmlNode* data = append_element(key_info, n::ns_dsig, "", "X509Data");
    append_element(data, n::ns_dsig, "", "X509Certificate", cert.base64());
  }
}

void add_endpoint(xmlNode* parent, std::string_view local, const std::string& address) {
  xmlNode* holder = append_element(parent, n::ns_fed, "fed", local);
  xmlNode* reference = append_element(holder, n::ns_wsa, "wsa", "EndpointReference");
  append_element(reference, n::ns_wsa, "wsa", "Address", address);
}

xmlNode* add_role_descriptor(xmlNode* entity, std::string_view type,
                             const std::vector<core::Certificate>& certs) {
  xmlNode* role = append_element(entity, n::ns_metadata, "", "RoleDescriptor");
  core::set_attribute_ns(role, n::ns_xsi, "xsi", "type", type);
  set_attribute(role, "protocolSupportEnumeration", n::ns_fed);
  xmlNewNs(role, BAD_CAST n::ns_fed.data(), BAD_CAST "fed");
  add_key_descriptors(role, certs);
  return role;
}

void add_sts_role(xmlNode* entity, const std::vector<core::Certificate>& certs,
                  const std::string& wsfed) {
  xmlNode* role = add_role_descriptor(entity, "fed:SecurityTokenServiceType", certs);
  xmlNode* offered = append_element(role, n::ns_fed, "fed", "ClaimTypesOffered");
  for (const auto& claim : k_claim_types) {
    xmlNode* type = append_element(offered, n::ns_auth, "auth", "ClaimType");
    set_attribute(type, "Uri", claim.uri);
    append_element(type, n::ns_auth, "auth", "DisplayName", claim.display_name);
    append_element(type, n::ns_auth, "auth", "Description", claim.description);
  }
  add_endpoint(role, "SecurityTokenServiceEndpoint", wsfed);
  add_endpoint(role, "PassiveRequestorEndpoint", wsfed);
}

void add_application_role(xmlNode* entity, const std::vector<core::Certificate>& certs,
                          const std::string& entity_id, const std::string& wsfed) {
  xmlNode* role = add_role_descriptor(entity, "fed:ApplicationServiceType", certs);
  add_endpoint(role, "TargetScopes", entity_id);
  add_endpoint(role, "ApplicationServiceEndpoint", wsfed);
  add_endpoint(role, "PassiveRequestorEndpoint", wsfed);
}

void add_idp_role(xmlNode* entity, const std::vector<core::Certificate>& certs,
                  const std::string& saml2) {
  xmlNode* idp = append_element(entity, n::ns_metadata, "", "IDPSSODescriptor");
  set_attribute(idp, "protocolSupportEnumeration", n::ns_protocol);
  add_key_descriptors(idp, certs);
  // §2.1: only a Redirect SingleLogoutService; SSO on Redirect and POST.
  for (auto [local, binding] : {std::pair{"SingleLogoutService", n::binding_redirect},
                                {"SingleSignOnService", n::binding_redirect},
                                {"SingleSignOnService", n::binding_post}}) {
    xmlNode* service = append_element(idp, n::ns_metadata, "", local);
    set_attribute(service, "Binding", binding);
    set_attribute(service, "Location", saml2);
  }
}

// Applies the faults of `stage` to the metadata document (or its bytes) in `target`.
core::Result<void> apply_faults(Stage stage, std::span<const MutatorUse> faults, Target& base) {
  for (const auto& use : faults) {
    const Mutator* mutator = find_metadata_mutator(use.id);
    if (mutator == nullptr) {
      return core::fail(core::Reason::control_unknown_mutator, "unknown metadata mutator '" + use.id + "'");
    }
    if (mutator->stage != stage) {
      continue;
    }
    Target t{base.spec, base.doc, nullptr, use.params, base.t0, base.tenant_id, base.credentials, base.xml,
             base.canary_url};
    if (auto done = mutator->apply(t); !done) {
      return core::fail(done.error().reason, use.id + ": " + done.error().detail);
    }
  }
  return {};
}

}  // namespace

core::Result<std::string> federation_metadata(const Idp& idp, MetadataKind kind, const App* app,
                                              std::string_view base_url, core::TimePoint now,
                                              std::span<const MutatorUse> faults, std::string_view canary_url) {
  const auto& certificates = kind == MetadataKind::app ? idp.signing_certificates(*app)
                                                       : idp.config().signing_certificates;
  auto signer = choose_signing_certificate(certificates, now);
  if (!signer) {
    return core::fail(signer.error());
  }
  std::vector<core::Certificate> advertised{(*signer)->credential.certificate};
  for (const auto& cert : certificates) {
    if ((cert.active || cert.advertise) && &cert != *signer) {
      advertised.push_back(cert.credential.certificate);
    }
  }
  std::string segment = kind == MetadataKind::common ? "common" : idp.tenant_id();
  std::string entity_id =
      kind == MetadataKind::common ? "https://sts.windows.net/{tenantid}/" : idp.issuer();
  std::string endpoints = std::string(base_url) + "/" + segment;

  core::XmlDoc doc = core::XmlDoc::create();
  xmlNode* entity = core::make_root(doc, n::ns_metadata, "", "EntityDescriptor");
  set_attribute(entity, "ID", core::new_saml_id());
  set_attribute(entity, "entityID", entity_id);
  add_sts_role(entity, advertised, endpoints + "/wsfed");
  add_application_role(entity, advertised, entity_id, endpoints + "/wsfed");
  add_idp_role(entity, advertised, endpoints + "/saml2");
  // The faults' Target: `spec` only carries who signs (a fault may change the signer, or set
  // Signing::none for no signature at all).
  ResponseSpec holder;
  holder.signer = (*signer)->credential;
  holder.signing = Signing::both;
  static const nlohmann::json k_no_params = nlohmann::json::object();
  Target target{holder, &doc, nullptr, k_no_params, now, idp.tenant_id(), idp.config().credentials, nullptr,
                canary_url};
  if (auto r = apply_faults(Stage::unsigned_xml, faults, target); !r) {
    return core::fail(r.error());
  }
  core::SignOptions options;  // metadata is always RSA-SHA256 (§2.2)
  if (holder.signing != Signing::none) {
    if (auto signature = core::sign_enveloped(doc, doc.root(), holder.signer, options); !signature) {
      return core::fail(signature.error());
    }
  }
  if (auto r = apply_faults(Stage::signed_xml, faults, target); !r) {
    return core::fail(r.error());
  }
  std::string bytes =
      kind == MetadataKind::app && idp.config().knobs.metadata_bom ? "\xEF\xBB\xBF" : "";
  bytes += "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + core::serialize(doc);
  target.doc = nullptr;
  target.xml = &bytes;
  if (auto r = apply_faults(Stage::serialized, faults, target); !r) {
    return core::fail(r.error());
  }
  return bytes;
}

}  // namespace samlt::idp
