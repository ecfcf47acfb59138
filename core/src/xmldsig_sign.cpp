// SPDX-License-Identifier: Apache-2.0
// Enveloped signing in Entra's shape (entra-spec §1.2, §1.12).
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmldsig.hpp"
#include "xmlsec_internal.hpp"

#include <libxml/valid.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/x509.h>
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

std::string bignum_base64(const BIGNUM* number) {
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(number)), '\0');
  BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
  return base64_encode(bytes);
}

// KeyInfo in the form `options` asks for (xmldsig-core §4.4; DEREncodedKeyValue is XML Signature
// 1.1's dsig11 element), naming the signer's key.
Result<void> write_key_info(xmlNode* signature, const std::string& pfx, const Credential& signer,
                            const SignOptions& options) {
  constexpr std::string_view k_ns_dsig11 = "http://www.w3.org/2009/xmldsig11#";
  xmlNode* key_info = append_element(signature, names::ns_dsig, pfx, "KeyInfo");
  EVP_PKEY* public_key = signer.certificate.public_key();
  switch (options.key_info) {
    case KeyInfoForm::x509_certificate:
    case KeyInfoForm::none: {
      xmlNode* x509 = append_element(key_info, names::ns_dsig, pfx, "X509Data");
      append_element(x509, names::ns_dsig, pfx, "X509Certificate", signer.certificate.base64());
      return {};
    }
    case KeyInfoForm::rsa_key_value: {
      BIGNUM* n = nullptr;
      BIGNUM* e = nullptr;
      if (EVP_PKEY_get_bn_param(public_key, OSSL_PKEY_PARAM_RSA_N, &n) != 1 ||
          EVP_PKEY_get_bn_param(public_key, OSSL_PKEY_PARAM_RSA_E, &e) != 1) {
        BN_free(n);
        return fail(Reason::internal_error, "RSAKeyValue: the signing key is not an RSA key");
      }
      xmlNode* value = append_element(key_info, names::ns_dsig, pfx, "KeyValue");
      xmlNode* rsa = append_element(value, names::ns_dsig, pfx, "RSAKeyValue");
      append_element(rsa, names::ns_dsig, pfx, "Modulus", bignum_base64(n));
      append_element(rsa, names::ns_dsig, pfx, "Exponent", bignum_base64(e));
      BN_free(n);
      BN_free(e);
      return {};
    }
    case KeyInfoForm::der_encoded_key_value: {
      unsigned char* der = nullptr;
      int size = i2d_PUBKEY(public_key, &der);
      if (size <= 0) {
        return fail(Reason::internal_error, "DEREncodedKeyValue: cannot encode the public key");
      }
      std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
      OPENSSL_free(der);
      append_element(key_info, k_ns_dsig11, "dsig11", "DEREncodedKeyValue", base64_encode(bytes));
      return {};
    }
    case KeyInfoForm::key_name:
      append_element(key_info, names::ns_dsig, pfx, "KeyName",
                     options.key_info_text.empty() ? signer.certificate.thumbprint_sha1() : options.key_info_text);
      return {};
    case KeyInfoForm::retrieval_method: {
      xmlNode* method = append_element(key_info, names::ns_dsig, pfx, "RetrievalMethod");
      set_attribute(method, "URI", options.key_info_text);
      set_attribute(method, "Type", "http://www.w3.org/2000/09/xmldsig#rawX509Certificate");
      return {};
    }
  }
  return {};
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
  // one X509Certificate on one line, no KeyName or KeyValue (unless another form is asked for).
  if (options.include_certificate && options.key_info != KeyInfoForm::none) {
    if (auto written = write_key_info(signature, prefix ? "ds" : "", signer, options); !written) {
      remove_node(signature);
      return fail(written.error());
    }
  }
  return signature;
}

}  // namespace samlt::core
