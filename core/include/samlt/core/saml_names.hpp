// SPDX-License-Identifier: Apache-2.0
// The URIs of SAML 2.0, XML-DSig and XML-Enc, and Entra's claim types, as named constants.
#pragma once

#include <string_view>

namespace samlt::core::names {

// Namespaces.
inline constexpr std::string_view ns_protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
inline constexpr std::string_view ns_assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
inline constexpr std::string_view ns_metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
inline constexpr std::string_view ns_dsig = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr std::string_view ns_xenc = "http://www.w3.org/2001/04/xmlenc#";
inline constexpr std::string_view ns_xenc11 = "http://www.w3.org/2009/xmlenc11#";
inline constexpr std::string_view ns_xsi = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr std::string_view ns_xml = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view ns_fed = "http://docs.oasis-open.org/wsfed/federation/200706";
inline constexpr std::string_view ns_auth = "http://docs.oasis-open.org/wsfed/authorization/200706";
inline constexpr std::string_view ns_wsa = "http://www.w3.org/2005/08/addressing";

// Bindings (saml-bindings).
inline constexpr std::string_view binding_redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
inline constexpr std::string_view binding_post = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
inline constexpr std::string_view binding_artifact = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact";

// Status codes (saml-core §3.2.2.2).
inline constexpr std::string_view status_success = "urn:oasis:names:tc:SAML:2.0:status:Success";
inline constexpr std::string_view status_requester = "urn:oasis:names:tc:SAML:2.0:status:Requester";
inline constexpr std::string_view status_responder = "urn:oasis:names:tc:SAML:2.0:status:Responder";
inline constexpr std::string_view status_version_mismatch = "urn:oasis:names:tc:SAML:2.0:status:VersionMismatch";
inline constexpr std::string_view status_authn_failed = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
inline constexpr std::string_view status_invalid_name_id_policy = "urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy";
inline constexpr std::string_view status_no_authn_context = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
inline constexpr std::string_view status_no_passive = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";
inline constexpr std::string_view status_request_denied = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";
inline constexpr std::string_view status_request_unsupported = "urn:oasis:names:tc:SAML:2.0:status:RequestUnsupported";

// NameID formats (saml-core §8.3).
inline constexpr std::string_view nameid_email = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
inline constexpr std::string_view nameid_unspecified = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
inline constexpr std::string_view nameid_persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
inline constexpr std::string_view nameid_transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
inline constexpr std::string_view nameid_windows = "urn:oasis:names:tc:SAML:1.1:nameid-format:WindowsDomainQualifiedName";
inline constexpr std::string_view nameid_entity = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

// Subject confirmation and authentication context.
inline constexpr std::string_view cm_bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
inline constexpr std::string_view ac_password = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password";
inline constexpr std::string_view ac_password_protected_transport = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
inline constexpr std::string_view ac_x509 = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509";
inline constexpr std::string_view ac_windows = "urn:federation:authentication:windows";
inline constexpr std::string_view ac_unspecified = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";

// XML-DSig algorithms.
inline constexpr std::string_view alg_exc_c14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
inline constexpr std::string_view alg_exc_c14n_comments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
inline constexpr std::string_view alg_enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
inline constexpr std::string_view alg_rsa_sha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
inline constexpr std::string_view alg_rsa_sha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
inline constexpr std::string_view alg_rsa_sha384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
inline constexpr std::string_view alg_rsa_sha512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
inline constexpr std::string_view alg_sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";
inline constexpr std::string_view alg_sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
inline constexpr std::string_view alg_sha384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
inline constexpr std::string_view alg_sha512 = "http://www.w3.org/2001/04/xmlenc#sha512";

// XML-Enc algorithms.
inline constexpr std::string_view alg_aes256_cbc = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
inline constexpr std::string_view alg_aes256_gcm = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
inline constexpr std::string_view alg_aes128_gcm = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
inline constexpr std::string_view alg_rsa_oaep_mgf1p = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
inline constexpr std::string_view alg_rsa_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
inline constexpr std::string_view enc_type_element = "http://www.w3.org/2001/04/xmlenc#Element";

// Entra's claim types (entra-spec §1.10).
inline constexpr std::string_view claim_tenant_id = "http://schemas.microsoft.com/identity/claims/tenantid";
inline constexpr std::string_view claim_object_id = "http://schemas.microsoft.com/identity/claims/objectidentifier";
inline constexpr std::string_view claim_display_name = "http://schemas.microsoft.com/identity/claims/displayname";
inline constexpr std::string_view claim_groups = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
inline constexpr std::string_view claim_groups_link = "http://schemas.microsoft.com/claims/groups.link";
inline constexpr std::string_view claim_role = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
inline constexpr std::string_view claim_identity_provider = "http://schemas.microsoft.com/identity/claims/identityprovider";
inline constexpr std::string_view claim_authn_methods = "http://schemas.microsoft.com/claims/authnmethodsreferences";
inline constexpr std::string_view claim_given_name = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname";
inline constexpr std::string_view claim_surname = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname";
inline constexpr std::string_view claim_email = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
inline constexpr std::string_view claim_name = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
inline constexpr std::string_view amr_password = "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password";
inline constexpr std::string_view amr_multiple = "http://schemas.microsoft.com/claims/multipleauthn";

}  // namespace samlt::core::names
