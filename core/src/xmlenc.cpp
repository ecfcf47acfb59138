// SPDX-License-Identifier: Apache-2.0
// EncryptedAssertion in the shape of Microsoft's STS (entra-spec §1.13): xenc:EncryptedData with
// the EncryptedKey inside its KeyInfo.
#include "samlt/core/xmlenc.hpp"

#include "samlt/core/saml_names.hpp"
#include "xmlsec_internal.hpp"

#include <openssl/x509.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmlenc.h>

namespace samlt::core {
namespace {

struct EncCtxDeleter {
  void operator()(xmlSecEncCtx* ctx) const { xmlSecEncCtxDestroy(ctx); }
};
struct KeysMngrDeleter {
  void operator()(xmlSecKeysMngr* mngr) const { xmlSecKeysMngrDestroy(mngr); }
};

// The recipient reference written into EncryptedKey/KeyInfo (not covered by anything).
void write_recipient_key_info(xmlNode* encrypted_key, const Certificate& recipient,
                              RecipientKeyInfo style) {
  if (style == RecipientKeyInfo::none) {
    return;
  }
  xmlNode* method = child_named(encrypted_key, names::ns_xenc, "EncryptionMethod");
  xmlNode* key_info = insert_element_after(method, names::ns_dsig, "", "KeyInfo");
  xmlNode* data = append_element(key_info, names::ns_dsig, "", "X509Data");
  if (style == RecipientKeyInfo::x509_certificate) {
    append_element(data, names::ns_dsig, "", "X509Certificate", recipient.base64());
    return;
  }
  xmlNode* issuer_serial = append_element(data, names::ns_dsig, "", "X509IssuerSerial");
  char* issuer = X509_NAME_oneline(X509_get_issuer_name(recipient.get()), nullptr, 0);
  append_element(issuer_serial, names::ns_dsig, "", "X509IssuerName", issuer ? issuer : "");
  OPENSSL_free(issuer);
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(recipient.get()), nullptr);
  char* decimal = serial ? BN_bn2dec(serial) : nullptr;
  append_element(issuer_serial, names::ns_dsig, "", "X509SerialNumber", decimal ? decimal : "0");
  OPENSSL_free(decimal);
  BN_free(serial);
}

}  // namespace

Result<xmlNode*> encrypt_assertion(XmlDoc& doc, xmlNode* assertion, const Certificate& recipient,
                                   const EncryptOptions& options) {
  detail::ensure_xmlsec();
  auto failed = [](std::string what) {
    return fail(Reason::encryption_failed, what + ": " + detail::take_xmlsec_error());
  };
  if (assertion == nullptr || assertion->parent == nullptr) {
    return fail(Reason::encryption_failed, "the assertion has no parent");
  }
  xmlSecTransformId content = options.content == ContentEncryption::aes256_gcm   ? xmlSecOpenSSLTransformAes256GcmId
                               : options.content == ContentEncryption::aes128_gcm ? xmlSecOpenSSLTransformAes128GcmId
                                                                                  : xmlSecOpenSSLTransformAes256CbcId;
  xmlNode* data = xmlSecTmplEncDataCreate(doc.get(), content, nullptr, xmlSecTypeEncElement, nullptr, nullptr);
  xmlNode* key_info = data ? xmlSecTmplEncDataEnsureKeyInfo(data, nullptr) : nullptr;
  xmlNode* encrypted_key = key_info ? xmlSecTmplKeyInfoAddEncryptedKey(key_info, xmlSecOpenSSLTransformRsaOaepId,
                                                                       nullptr, nullptr, nullptr)
                                    : nullptr;
  if (encrypted_key == nullptr || xmlSecTmplEncDataEnsureCipherValue(data) == nullptr ||
      xmlSecTmplEncDataEnsureCipherValue(encrypted_key) == nullptr) {
    xmlFreeNode(data);
    return failed("EncryptedData template");
  }
  std::unique_ptr<xmlSecKeysMngr, KeysMngrDeleter> mngr(xmlSecKeysMngrCreate());
  auto rsa = detail::make_xmlsec_key(recipient.public_key());
  if (!mngr || xmlSecOpenSSLAppDefaultKeysMngrInit(mngr.get()) < 0 || !rsa ||
      xmlSecOpenSSLAppDefaultKeysMngrAdoptKey(mngr.get(), rsa.get()) < 0) {
    xmlFreeNode(data);
    return failed("keys manager");
  }
  rsa.release();  // adopted by the manager
  std::unique_ptr<xmlSecEncCtx, EncCtxDeleter> ctx(xmlSecEncCtxCreate(mngr.get()));
  if (ctx) {
    xmlSecSize bits = options.content == ContentEncryption::aes128_gcm ? 128 : 256;
    ctx->encKey = xmlSecKeyGenerate(xmlSecOpenSSLKeyDataAesId, bits, xmlSecKeyDataTypeSession);
  }
  if (!ctx || ctx->encKey == nullptr) {
    xmlFreeNode(data);
    return failed("encryption context");
  }
  // <EncryptedAssertion xmlns="…assertion"> takes the assertion's place; xmlsec then replaces the
  // assertion inside it by the EncryptedData (and frees the plaintext node).
  xmlNode* wrapper = insert_element_after(assertion, names::ns_assertion, "", "EncryptedAssertion");
  xmlUnlinkNode(assertion);
  xmlAddChild(wrapper, assertion);
  if (xmlSecEncCtxXmlEncrypt(ctx.get(), data, assertion) < 0) {
    xmlUnlinkNode(assertion);
    xmlReplaceNode(wrapper, assertion);  // leave the document as it was
    xmlFreeNode(wrapper);
    xmlFreeNode(data);
    return failed("xmlSecEncCtxXmlEncrypt");
  }
  // Entra's prefixes (entra-spec §1.13): xenc: on EncryptedData, e: on EncryptedKey.
  for (auto [node, prefix] : {std::pair<xmlNode*, const char*>{data, "xenc"}, {encrypted_key, "e"}}) {
    for (xmlNs* ns = node->nsDef; ns != nullptr; ns = ns->next) {
      if (ns->prefix == nullptr && xmlStrEqual(ns->href, BAD_CAST names::ns_xenc.data())) {
        ns->prefix = xmlStrdup(BAD_CAST prefix);
      }
    }
  }
  xmlNode* method = child_named(encrypted_key, names::ns_xenc, "EncryptionMethod");
  xmlNode* digest = append_element(method, names::ns_dsig, "", "DigestMethod");
  set_attribute(digest, "Algorithm", names::alg_sha1);
  write_recipient_key_info(encrypted_key, recipient, options.key_info);
  return wrapper;
}

}  // namespace samlt::core
