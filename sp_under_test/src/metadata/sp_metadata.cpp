// SPDX-License-Identifier: Apache-2.0
// The SP's metadata document (saml-metadata §2.4.4 SPSSODescriptor), signed with its signing key.
#include "samlt/sp/sp_metadata.hpp"

#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"
#include "samlt/core/xmldsig.hpp"

#include <vector>

namespace samlt::sp {
namespace {

namespace n = core::names;

xmlNode* key_descriptor(xmlNode* role, std::string_view use, const core::Certificate& cert) {
  xmlNode* descriptor = core::append_element(role, n::ns_metadata, "md", "KeyDescriptor");
  core::set_attribute(descriptor, "use", use);
  xmlNode* info = core::append_element(descriptor, n::ns_dsig, "ds", "KeyInfo");
  xmlNode* data = core::append_element(info, n::ns_dsig, "ds", "X509Data");
  core::append_element(data, n::ns_dsig, "ds", "X509Certificate", cert.base64());
  return descriptor;
}

}  // namespace

core::Result<std::string> build_sp_metadata(const SpConfig& config) {
  auto doc = core::XmlDoc::create();
  xmlNode* entity = core::make_root(doc, n::ns_metadata, "md", "EntityDescriptor");
  core::set_attribute(entity, "ID", core::new_saml_id());
  core::set_attribute(entity, "entityID", config.entity_id);
  xmlNode* role = core::append_element(entity, n::ns_metadata, "md", "SPSSODescriptor");
  bool want_assertions_signed = config.policy.required_signatures == RequiredSignatures::assertion ||
                                config.policy.required_signatures == RequiredSignatures::both;
  core::set_attribute(role, "AuthnRequestsSigned", config.sign_authn_requests ? "true" : "false");
  core::set_attribute(role, "WantAssertionsSigned", want_assertions_signed ? "true" : "false");
  core::set_attribute(role, "protocolSupportEnumeration", n::ns_protocol);
  key_descriptor(role, "signing", config.signing.certificate);
  std::vector<const core::Certificate*> encryption_keys{&config.encryption.certificate};
  if (config.encryption_next) {
    encryption_keys.push_back(&config.encryption_next->certificate);  // rollover: both published
  }
  for (const core::Certificate* certificate : encryption_keys) {
    xmlNode* encryption = key_descriptor(role, "encryption", *certificate);
    for (auto content : config.policy.allowed_content_encryption) {
      xmlNode* method = core::append_element(encryption, n::ns_metadata, "md", "EncryptionMethod");
      core::set_attribute(method, "Algorithm", content == core::ContentEncryption::aes256_gcm   ? n::alg_aes256_gcm
                                               : content == core::ContentEncryption::aes128_gcm ? n::alg_aes128_gcm
                                                                                                : n::alg_aes256_cbc);
    }
  }
  xmlNode* slo = core::append_element(role, n::ns_metadata, "md", "SingleLogoutService");
  core::set_attribute(slo, "Binding", n::binding_redirect);
  core::set_attribute(slo, "Location", config.slo_url());
  core::append_element(role, n::ns_metadata, "md", "NameIDFormat", n::nameid_email);
  xmlNode* acs = core::append_element(role, n::ns_metadata, "md", "AssertionConsumerService");
  core::set_attribute(acs, "Binding", n::binding_post);
  core::set_attribute(acs, "Location", config.acs_url());
  core::set_attribute(acs, "index", "0");
  core::set_attribute(acs, "isDefault", "true");
  auto signature = core::sign_enveloped(doc, entity, config.signing);
  if (!signature) {
    return core::fail(signature.error());
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + core::serialize(doc);
}

}  // namespace samlt::sp
