// SPDX-License-Identifier: Apache-2.0
// Enveloped signing in Entra's shape (entra-spec §1.2, §1.12).
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmldsig.hpp"
#include "xmlsec_internal.hpp"

#include <libxml/valid.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>

namespace samlt::core {
namespace {

struct DSigCtxDeleter {
  void operator()(xmlSecDSigCtx* ctx) const { xmlSecDSigCtxDestroy(ctx); }
};

// saml-core schema order: Issuer first, then Signature. Elements without an Issuer (metadata's
// EntityDescriptor) take the Signature as their first child.
void place_signature(xmlNode* element, xmlNode* signature) {
  xmlNode* first = first_element_child(element);
  if (first != nullptr && is_element(first, names::ns_assertion, "Issuer")) {
    xmlAddNextSibling(first, signature);
  } else if (element->children != nullptr) {
    xmlAddPrevSibling(element->children, signature);
  } else {
    xmlAddChild(element, signature);
  }
}

}  // namespace

Result<xmlNode*> sign_enveloped(XmlDoc& doc, xmlNode* element, const Credential& signer,
                                const SignOptions& options) {
  detail::ensure_xmlsec();
  auto id = attribute(element, "ID");
  if (!id || id->empty()) {
    return fail(Reason::internal_error, "element to sign has no ID attribute");
  }
  xmlAttr* id_attr = xmlHasNsProp(element, BAD_CAST "ID", nullptr);
  xmlAttr* registered = xmlGetID(doc.get(), BAD_CAST id->c_str());
  if (registered != nullptr && registered != id_attr) {
    return fail(Reason::signature_id_ambiguous, "ID '" + *id + "' is registered on another element");
  }
  if (registered == nullptr && xmlAddID(nullptr, doc.get(), BAD_CAST id->c_str(), id_attr) == nullptr) {
    return fail(Reason::internal_error, "cannot register ID '" + *id + "'");
  }

  const xmlChar* prefix = options.style == SignatureStyle::ds_prefix ? BAD_CAST "ds" : nullptr;
  xmlNode* signature = xmlSecTmplSignatureCreateNsPref(
      doc.get(), xmlSecTransformExclC14NId, detail::signature_transform(options.algorithm), nullptr,
      prefix);
  std::string uri = "#" + *id;
  xmlNode* reference = signature ? xmlSecTmplSignatureAddReference(
                                       signature, detail::digest_transform(options.algorithm),
                                       nullptr, BAD_CAST uri.c_str(), nullptr)
                                 : nullptr;
  if (reference == nullptr ||
      xmlSecTmplReferenceAddTransform(reference, xmlSecTransformEnvelopedId) == nullptr ||
      xmlSecTmplReferenceAddTransform(reference, xmlSecTransformExclC14NId) == nullptr) {
    if (signature != nullptr) {
      xmlFreeNode(signature);
    }
    return fail(Reason::internal_error, "signature template: " + detail::take_xmlsec_error());
  }
  place_signature(element, signature);

  std::unique_ptr<xmlSecDSigCtx, DSigCtxDeleter> ctx(xmlSecDSigCtxCreate(nullptr));
  auto key = detail::make_xmlsec_key(signer.key.get());
  if (!ctx || !key) {
    remove_node(signature);
    return fail(Reason::internal_error, "xmlsec context or key: " + detail::take_xmlsec_error());
  }
  ctx->signKey = key.release();  // the context owns it now
  if (xmlSecDSigCtxSign(ctx.get(), signature) < 0) {
    remove_node(signature);
    return fail(Reason::internal_error, "xmlSecDSigCtxSign: " + detail::take_xmlsec_error());
  }
  // KeyInfo lies outside SignedInfo, so it is written after signing, exactly as Entra shapes it:
  // one X509Certificate on one line, no KeyName or KeyValue.
  if (options.include_certificate) {
    std::string pfx = prefix ? "ds" : "";
    xmlNode* key_info = append_element(signature, names::ns_dsig, pfx, "KeyInfo");
    xmlNode* x509 = append_element(key_info, names::ns_dsig, pfx, "X509Data");
    append_element(x509, names::ns_dsig, pfx, "X509Certificate", signer.certificate.base64());
  }
  return signature;
}

}  // namespace samlt::core
