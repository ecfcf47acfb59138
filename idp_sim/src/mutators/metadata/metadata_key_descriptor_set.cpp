// SPDX-License-Identifier: Apache-2.0
// metadata.key_descriptor_set — what a KeyDescriptor says a key is for (saml-metadata §2.4.1.1:
// use="signing", use="encryption", or no use = both). Default: the IdP's encryption-only
// certificate listed with use="encryption" (attack-catalogue KEY-ENC-CERT-SIGNS: a signature by it
// must not verify). With the IdP's own signing certificate and use omitted it builds
// POS-KEYDESCRIPTOR-NO-USE (SAML2int IIP-MD11: signatures stay mandatory). Params `credential`
// (default idp-encryption), `use` (encryption default | signing | omitted).
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> metadata_key_descriptor_set(Target& target) {
  auto name = string_param(target, "credential");
  auto use = string_param(target, "use");
  if (!name || !use) {
    return core::fail(!name ? name.error() : use.error());
  }
  std::string wanted = use->value_or("encryption");
  if (wanted != "encryption" && wanted != "signing" && wanted != "omitted") {
    return core::fail(core::Reason::mutator_params_invalid, "/use: expected encryption, signing or omitted");
  }
  std::string credential_name = name->value_or("idp-encryption");
  const core::Credential* credential = target.credential(credential_name);
  if (credential == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no credential '" + credential_name + "' is configured");
  }
  namespace n = core::names;
  std::string text = credential->certificate.base64();
  // Every role's KeyDescriptors that already list the certificate change their use; when none
  // does, the IDPSSODescriptor gets a new KeyDescriptor after its last one.
  bool found = false;
  for (xmlNode* descriptor : core::descendants_named(target.doc->root(), n::ns_metadata, "KeyDescriptor")) {
    for (xmlNode* cert : core::descendants_named(descriptor, n::ns_dsig, "X509Certificate")) {
      if (core::simple_text(cert).value_or("") == text) {
        found = true;
        wanted == "omitted" ? core::remove_attribute(descriptor, "use") : core::set_attribute(descriptor, "use", wanted);
      }
    }
  }
  if (found) {
    return {};
  }
  xmlNode* role = core::child_named(target.doc->root(), n::ns_metadata, "IDPSSODescriptor");
  auto existing = core::children_named(role, n::ns_metadata, "KeyDescriptor");
  if (role == nullptr || existing.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "no IDPSSODescriptor with a KeyDescriptor");
  }
  xmlNode* descriptor = core::insert_element_after(existing.back(), n::ns_metadata, "", "KeyDescriptor");
  if (wanted != "omitted") {
    core::set_attribute(descriptor, "use", wanted);
  }
  xmlNode* key_info = core::append_element(descriptor, n::ns_dsig, "", "KeyInfo");
  core::append_element(core::append_element(key_info, n::ns_dsig, "", "X509Data"), n::ns_dsig, "", "X509Certificate",
                       text);
  return {};
}

}  // namespace samlt::idp::mutators
