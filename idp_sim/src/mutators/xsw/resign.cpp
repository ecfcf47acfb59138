// SPDX-License-Identifier: Apache-2.0
// Re-signing an edited Signature with the IdP's own key, for the [idp-key] builds that break the
// signature profile with a cryptographically valid message (XSW-MULTI-REF, SIG-XFORM-*,
// SIG-OBJECT): xmlsec recomputes every Reference digest with whatever transforms the template now
// names, then the SignatureValue. Attack-side only: the SP's verifier is core's, with its own
// allow-lists, and shares no context with this.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

#include <libxml/valid.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmldsig.h>

#include <memory>

namespace samlt::idp::mutators::xsw {
namespace {

struct DSigCtxDeleter {
  void operator()(xmlSecDSigCtx* ctx) const { xmlSecDSigCtxDestroy(ctx); }
};

// Every ID a same-document Reference names, registered on the element that carries it (xmlsec
// resolves "#id" through the document's ID table).
void register_ids(xmlNode* signature) {
  xmlDoc* doc = signature->doc;
  for (xmlNode* reference : core::descendants_named(signature, core::names::ns_dsig, "Reference")) {
    std::string uri = core::attribute(reference, "URI").value_or("");
    if (uri.size() < 2 || uri[0] != '#' || xmlGetID(doc, BAD_CAST(uri.c_str() + 1)) != nullptr) {
      continue;
    }
    std::vector<xmlNode*> stack{xmlDocGetRootElement(doc)};
    while (!stack.empty()) {
      xmlNode* node = stack.back();
      stack.pop_back();
      if (core::attribute(node, "ID") == uri.substr(1)) {
        xmlAddID(nullptr, doc, BAD_CAST(uri.c_str() + 1), xmlHasNsProp(node, BAD_CAST "ID", nullptr));
        break;
      }
      for (xmlNode* child : core::element_children(node)) {
        stack.push_back(child);
      }
    }
  }
}

}  // namespace

core::Result<void> resign(const Target& target, xmlNode* signature) {
  EVP_PKEY* pkey = target.spec.signer.key.get();
  if (pkey == nullptr || EVP_PKEY_up_ref(pkey) != 1) {
    return core::fail(core::Reason::mutator_not_applicable, "no signing key to re-sign with");
  }
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pkey);
  xmlSecKeyPtr key = data ? xmlSecKeyCreate() : nullptr;
  if (data == nullptr) {
    EVP_PKEY_free(pkey);
    return core::fail(core::Reason::internal_error, "xmlsec key data");
  }
  if (key == nullptr || xmlSecKeySetValue(key, data) < 0) {
    if (key != nullptr) {
      xmlSecKeyDestroy(key);
    }
    xmlSecKeyDataDestroy(data);
    return core::fail(core::Reason::internal_error, "xmlsec key");
  }
  std::unique_ptr<xmlSecDSigCtx, DSigCtxDeleter> ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx) {
    xmlSecKeyDestroy(key);
    return core::fail(core::Reason::internal_error, "xmlsec context");
  }
  ctx->signKey = key;
  register_ids(signature);
  // KeyInfo is written by the IdP after signing; keep xmlsec from rewriting it.
  xmlNode* key_info = core::child_named(signature, core::names::ns_dsig, "KeyInfo");
  xmlNode* key_info_next = key_info ? key_info->next : nullptr;
  if (key_info) {
    xmlUnlinkNode(key_info);
  }
  int rc = xmlSecDSigCtxSign(ctx.get(), signature);
  if (key_info) {
    key_info_next ? static_cast<void>(xmlAddPrevSibling(key_info_next, key_info)) : append_child(signature, key_info);
  }
  if (rc < 0) {
    return core::fail(core::Reason::mutator_not_applicable, "xmlsec could not sign the edited Signature");
  }
  return {};
}

}  // namespace samlt::idp::mutators::xsw
