// SPDX-License-Identifier: Apache-2.0
// Decryption of an EncryptedAssertion (saml-core §2.3.4, §6.1). Algorithms are allow-listed on the
// DOM first; the key transport is done here with OpenSSL so that no KeyInfo, RetrievalMethod or
// keys manager can choose the key; the content is decrypted by xmlsec with that key alone.
#include "samlt/core/xmlenc.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "xmlsec_internal.hpp"

#include <openssl/rsa.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/xmlenc.h>

#include <algorithm>

namespace samlt::core {
namespace {

struct EncCtxDeleter {
  void operator()(xmlSecEncCtx* ctx) const { xmlSecEncCtxDestroy(ctx); }
};

auto decrypt_failed(std::string why) { return fail(Reason::encryption_decrypt_failed, std::move(why)); }

constexpr std::string_view k_alg_rsa_oaep = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
constexpr std::string_view k_mgf1_sha1 = "http://www.w3.org/2009/xmlenc11#mgf1sha1";
constexpr std::string_view k_mgf1_sha256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";

std::string_view content_uri(ContentEncryption content) {
  switch (content) {
    case ContentEncryption::aes256_gcm: return names::alg_aes256_gcm;
    case ContentEncryption::aes128_gcm: return names::alg_aes128_gcm;
    case ContentEncryption::aes256_cbc: return names::alg_aes256_cbc;
  }
  return names::alg_aes256_cbc;
}

std::size_t content_key_bytes(ContentEncryption content) {
  return content == ContentEncryption::aes128_gcm ? 16 : 32;
}

// SHA-1 or SHA-256 by their xmldsig / xmlenc URIs, nullptr for any other.
const EVP_MD* oaep_hash(std::string_view uri) {
  return uri == names::alg_sha1 ? EVP_sha1() : uri == names::alg_sha256 ? EVP_sha256() : nullptr;
}

// The EncryptedKey: inside EncryptedData/KeyInfo (Microsoft's form) or a sibling of EncryptedData
// inside EncryptedAssertion (Shibboleth's form). Exactly one must exist.
Result<xmlNode*> find_encrypted_key(xmlNode* encrypted_assertion, xmlNode* data) {
  std::vector<xmlNode*> keys;
  if (xmlNode* info = child_named(data, names::ns_dsig, "KeyInfo")) {
    keys = children_named(info, names::ns_xenc, "EncryptedKey");
  }
  auto siblings = children_named(encrypted_assertion, names::ns_xenc, "EncryptedKey");
  keys.insert(keys.end(), siblings.begin(), siblings.end());
  if (keys.size() != 1) {
    return decrypt_failed(std::to_string(keys.size()) + " EncryptedKey elements");
  }
  return keys[0];
}

// RSA-OAEP, the only key transport allowed (SAML2int IIP-ALG06): rsa-oaep-mgf1p (xmlenc-core
// §5.4.2, MGF1 with SHA-1) or xmlenc11#rsa-oaep (xmlenc-core1 §5.5.2, MGF1-SHA1 unless xenc11:MGF
// says MGF1-SHA256), each with a DigestMethod of SHA-1 (the default) or SHA-256. rsa-1_5 and
// anything else is refused by name, before the key is touched (ENC-RSA15, ENC-BC-OAEP-AS-PKCS15).
Result<std::string> unwrap_key(xmlNode* encrypted_key, const PrivateKey& key, std::size_t key_bytes) {
  xmlNode* method = child_named(encrypted_key, names::ns_xenc, "EncryptionMethod");
  std::string algorithm = attribute(method, "Algorithm").value_or("");
  if (algorithm != names::alg_rsa_oaep_mgf1p && algorithm != k_alg_rsa_oaep) {
    return fail(Reason::encryption_algorithm_forbidden, "key transport '" + algorithm + "' is not allowed");
  }
  const EVP_MD* digest = EVP_sha1();
  if (xmlNode* digest_method = child_named(method, names::ns_dsig, "DigestMethod"); digest_method != nullptr) {
    digest = oaep_hash(attribute(digest_method, "Algorithm").value_or(""));
  }
  const EVP_MD* mgf = EVP_sha1();
  if (xmlNode* mgf_method = child_named(method, names::ns_xenc11, "MGF"); mgf_method != nullptr) {
    std::string mgf_uri = attribute(mgf_method, "Algorithm").value_or("");
    mgf = algorithm != k_alg_rsa_oaep ? nullptr
          : mgf_uri == k_mgf1_sha1    ? EVP_sha1()
          : mgf_uri == k_mgf1_sha256  ? EVP_sha256()
                                      : nullptr;
  }
  if (digest == nullptr || mgf == nullptr) {
    return fail(Reason::encryption_algorithm_forbidden, "OAEP digest or MGF other than SHA-1 or SHA-256");
  }
  xmlNode* cipher_data = child_named(encrypted_key, names::ns_xenc, "CipherData");
  auto wrapped = base64_decode(simple_text(child_named(cipher_data, names::ns_xenc, "CipherValue")).value_or(""));
  if (!wrapped || wrapped->empty()) {
    return decrypt_failed("EncryptedKey CipherValue is missing or not base64");
  }
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(key.get(), nullptr),
                                                                  EVP_PKEY_CTX_free);
  std::string out(static_cast<std::size_t>(EVP_PKEY_get_size(key.get())), '\0');
  std::size_t out_len = out.size();
  if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) <= 0 ||
      EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), digest) <= 0 ||
      EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), mgf) <= 0 ||
      EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &out_len,
                       reinterpret_cast<const unsigned char*>(wrapped->data()), wrapped->size()) <= 0) {
    ERR_clear_error();
    return decrypt_failed("RSA-OAEP unwrapping failed");
  }
  out.resize(out_len);
  if (out.size() != key_bytes) {
    return decrypt_failed("content key is not " + std::to_string(key_bytes * 8) + " bits");
  }
  return out;
}

// Parses the plaintext in the namespace context of the EncryptedAssertion (xmlenc-core §4.4.3), with
// the same hardened parser as everything else, and checks it is exactly one Assertion.
Result<XmlDoc> parse_plaintext(xmlNode* encrypted_assertion, std::string_view plaintext) {
  std::string wrapped = "<samlt-decrypted";
  xmlNs** in_scope = xmlGetNsList(encrypted_assertion->doc, encrypted_assertion);
  for (xmlNs** ns = in_scope; ns && *ns; ++ns) {
    wrapped += (*ns)->prefix ? std::string(" xmlns:") + reinterpret_cast<const char*>((*ns)->prefix) : " xmlns";
    wrapped += "=\"" + html_escape(reinterpret_cast<const char*>((*ns)->href)) + "\"";
  }
  xmlFree(in_scope);
  wrapped += ">";
  wrapped += plaintext;
  wrapped += "</samlt-decrypted>";
  auto doc = parse_strict(wrapped);
  if (!doc) {
    return decrypt_failed("plaintext is not well-formed: " + doc.error().detail);
  }
  auto children = element_children(doc->root());
  if (children.size() != 1 || !is_element(children[0], names::ns_assertion, "Assertion")) {
    return decrypt_failed("plaintext is not exactly one saml:Assertion");
  }
  return doc;
}

}  // namespace

Result<xmlNode*> decrypt_assertion(XmlDoc& doc, xmlNode* encrypted_assertion, const PrivateKey& key,
                                   const DecryptOptions& options) {
  detail::ensure_xmlsec();
  auto data_nodes = children_named(encrypted_assertion, names::ns_xenc, "EncryptedData");
  if (data_nodes.size() != 1) {
    return decrypt_failed(std::to_string(data_nodes.size()) + " EncryptedData elements");
  }
  xmlNode* data = data_nodes[0];
  std::string algorithm = attribute(child_named(data, names::ns_xenc, "EncryptionMethod"), "Algorithm").value_or("");
  auto allowed = std::find_if(options.allowed_content.begin(), options.allowed_content.end(),
                              [&](ContentEncryption c) { return content_uri(c) == algorithm; });
  if (allowed == options.allowed_content.end()) {
    return fail(Reason::encryption_algorithm_forbidden, "content encryption '" + algorithm + "' is not allowed");
  }
  if (child_named(child_named(data, names::ns_xenc, "CipherData"), names::ns_xenc, "CipherValue") == nullptr) {
    return decrypt_failed("EncryptedData has no inline CipherValue (CipherReference is refused)");
  }
  auto encrypted_key = find_encrypted_key(encrypted_assertion, data);
  if (!encrypted_key) {
    return fail(encrypted_key.error());
  }
  auto content_key = unwrap_key(*encrypted_key, key, content_key_bytes(*allowed));
  if (!content_key) {
    return fail(content_key.error());
  }

  std::unique_ptr<xmlSecEncCtx, EncCtxDeleter> ctx(xmlSecEncCtxCreate(nullptr));
  if (!ctx) {
    return decrypt_failed("encryption context");
  }
  ctx->encKey = xmlSecKeyReadMemory(xmlSecOpenSSLKeyDataAesId,
                                    reinterpret_cast<const xmlSecByte*>(content_key->data()),
                                    static_cast<xmlSecSize>(content_key->size()));
  xmlSecTransformId transform = *allowed == ContentEncryption::aes256_gcm   ? xmlSecOpenSSLTransformAes256GcmId
                                 : *allowed == ContentEncryption::aes128_gcm ? xmlSecOpenSSLTransformAes128GcmId
                                                                             : xmlSecOpenSSLTransformAes256CbcId;
  if (ctx->encKey == nullptr || xmlSecPtrListAdd(&ctx->transformCtx.enabledTransforms,
                                                 const_cast<void*>(static_cast<const void*>(transform))) < 0) {
    return decrypt_failed("content key: " + detail::take_xmlsec_error());
  }
  xmlSecBufferPtr plaintext = xmlSecEncCtxDecryptToBuffer(ctx.get(), data);
  if (plaintext == nullptr) {
    return decrypt_failed("content decryption failed: " + detail::take_xmlsec_error());
  }
  auto parsed = parse_plaintext(encrypted_assertion, std::string_view(
      reinterpret_cast<const char*>(xmlSecBufferGetData(plaintext)), xmlSecBufferGetSize(plaintext)));
  if (!parsed) {
    return fail(parsed.error());
  }
  // Adopt (not copy) the parsed node: xmlDOMWrapAdoptNode re-binds namespace references to the
  // declarations in scope at the destination, without inventing prefixes that would change the
  // canonical form the assertion's signature covers.
  xmlNode* assertion = first_element_child(parsed->root());
  xmlUnlinkNode(assertion);
  if (xmlDOMWrapAdoptNode(nullptr, parsed->get(), assertion, doc.get(), encrypted_assertion->parent, 0) != 0) {
    xmlFreeNode(assertion);
    return decrypt_failed("cannot import the decrypted assertion");
  }
  xmlReplaceNode(encrypted_assertion, assertion);
  xmlFreeNode(encrypted_assertion);
  return assertion;
}

}  // namespace samlt::core
