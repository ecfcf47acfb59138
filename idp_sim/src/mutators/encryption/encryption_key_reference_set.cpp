// SPDX-License-Identifier: Apache-2.0
// encryption.key_reference_set — where EncryptedData finds its key. Attacks (attack-catalogue
// ENC-KEY-LOOP; xmlseclibs 4.0): a RetrievalMethod cycle between two EncryptedKeys, thousands of
// EncryptedKeys, or a RetrievalMethod to a URL outside the document; a decrypter must stop at once
// and fetch nothing. The positive twin (POS-ENC-SIBLING-KEY, the Shibboleth IdP's layout): the one
// EncryptedKey beside EncryptedData, referenced by RetrievalMethod (xmlenc-core §3.5.1, saml-core
// §2.3.4). Params `form`: cycle (default) | many | external | sibling; `count` (many; default 1000).
#include "mutators/encryption/encryption.hpp"
#include "mutators/keys/keys.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;
constexpr std::string_view k_type_encrypted_key = "http://www.w3.org/2001/04/xmlenc#EncryptedKey";

void add_retrieval_method(xmlNode* key_info, const std::string& uri) {
  xmlNode* method = core::append_element(key_info, n::ns_dsig, "", "RetrievalMethod");
  core::set_attribute(method, "URI", uri);
  core::set_attribute(method, "Type", k_type_encrypted_key);
}

// `key` moved out of EncryptedData/KeyInfo to the end of the EncryptedAssertion, with `id`.
// Its descendants may use a namespace declared on the KeyInfo it leaves (Entra's unprefixed ds:
// KeyInfo): reconciling declares what is no longer in scope, so every element keeps its namespace.
void move_beside(xmlNode* encrypted_assertion, xmlNode* key, const std::string& id) {
  xmlUnlinkNode(key);
  xmlAddChild(encrypted_assertion, key);
  xmlDOMWrapReconcileNamespaces(nullptr, key, 0);
  core::set_attribute(key, "Id", id);
}

}  // namespace

core::Result<void> encryption_key_reference_set(Target& target) {
  auto form = enc::choice(target, "form", "cycle|many|external|sibling", "cycle");
  auto count = int_param(target, "count", 1000, 2);
  auto encrypted = enc::encrypted_assertion(target);
  if (!form || !count || !encrypted) {
    return core::fail(!form ? form.error() : !count ? count.error() : encrypted.error());
  }
  xmlNode* data = raw::encrypted_data(*encrypted);
  xmlNode* key_info = core::child_named(data, n::ns_dsig, "KeyInfo");
  xmlNode* key = core::child_named(key_info, n::ns_xenc, "EncryptedKey");
  if (key == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no EncryptedKey inside EncryptedData/KeyInfo");
  }
  if (*form == "sibling") {
    move_beside(*encrypted, key, "_k1");
    add_retrieval_method(key_info, "#_k1");
  } else if (*form == "external") {
    core::remove_node(key);
    add_retrieval_method(key_info, keys::canary(target, "/encrypted-key"));
  } else if (*form == "cycle") {
    // k1 names k2 and k2 names k1 as the key that decrypts it; EncryptedData names k1.
    xmlNode* second = xmlCopyNode(key, 1);
    move_beside(*encrypted, key, "_k1");
    xmlAddChild(*encrypted, second);
    core::set_attribute(second, "Id", "_k2");
    for (auto [holder, next] : {std::pair{key, "#_k2"}, {second, "#_k1"}}) {
      xmlNode* recipient_info = core::child_named(holder, n::ns_dsig, "KeyInfo");
      if (recipient_info != nullptr) {
        core::remove_node(recipient_info);
      }
      recipient_info = core::insert_element_after(raw::encryption_method(holder), n::ns_dsig, "", "KeyInfo");
      add_retrieval_method(recipient_info, next);
    }
    add_retrieval_method(key_info, "#_k1");
  } else {
    // Copies without the recipient's certificate, so that `count` of them stay within the SP's
    // message size limit (2 MB by default): the count, not the size, is what is tested.
    for (long long i = 1; i < *count; ++i) {
      xmlNode* copy = xmlCopyNode(key, 1);
      if (xmlNode* info = core::child_named(copy, n::ns_dsig, "KeyInfo")) {
        core::remove_node(info);
      }
      core::set_attribute(copy, "Id", "_k" + std::to_string(i));
      xmlAddChild(*encrypted, copy);
    }
  }
  return {};
}

}  // namespace samlt::idp::mutators
