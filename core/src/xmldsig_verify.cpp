// SPDX-License-Identifier: Apache-2.0
// Verification with a constrained xmlsec context (attack-catalogue §16 "xmlsec context").
#include "samlt/core/xmldsig.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"
#include "xmlsec_internal.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <xmlsec/xmldsig.h>

#include <algorithm>
#include <memory>

namespace samlt::core {
namespace {

struct DSigCtxDeleter {
  void operator()(xmlSecDSigCtx* ctx) const { xmlSecDSigCtxDestroy(ctx); }
};

enum class Outcome { verified, digest_mismatch, signature_mismatch, error };

// One attempt with one trusted key. Keys never come from KeyInfo: signKey is set and the
// context has no keys manager, so xmlsec does not read KeyInfo at all.
Outcome try_key(xmlNode* signature, EVP_PKEY* public_key, SignatureAlgorithm algorithm, SignatureAlgorithm digest,
                std::string& detail) {
  std::unique_ptr<xmlSecDSigCtx, DSigCtxDeleter> ctx(xmlSecDSigCtxCreate(nullptr));
  auto key = detail::make_xmlsec_key(public_key);
  if (!ctx || !key) {
    detail = "xmlsec context: " + detail::take_xmlsec_error();
    return Outcome::error;
  }
  ctx->signKey = key.release();
  ctx->flags = XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS | XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES;
  ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
  // Allow-lists: once one transform is enabled, every other one is refused (no XSLT, XPath,
  // base64, or external URI resolution).
  if (xmlSecDSigCtxEnableReferenceTransform(ctx.get(), xmlSecTransformEnvelopedId) < 0 ||
      xmlSecDSigCtxEnableReferenceTransform(ctx.get(), xmlSecTransformExclC14NId) < 0 ||
      xmlSecDSigCtxEnableReferenceTransform(ctx.get(), detail::digest_transform(digest)) < 0 ||
      xmlSecDSigCtxEnableSignatureTransform(ctx.get(), xmlSecTransformExclC14NId) < 0 ||
      xmlSecDSigCtxEnableSignatureTransform(ctx.get(), detail::signature_transform(algorithm)) < 0) {
    detail = "xmlsec allow-list: " + detail::take_xmlsec_error();
    return Outcome::error;
  }
  int rc = xmlSecDSigCtxVerify(ctx.get(), signature);
  std::string xmlsec_error = detail::take_xmlsec_error();
  auto* reference = static_cast<xmlSecDSigReferenceCtx*>(
      xmlSecPtrListGetSize(&ctx->signedInfoReferences) == 1
          ? xmlSecPtrListGetItem(&ctx->signedInfoReferences, 0)
          : nullptr);
  if (rc < 0) {
    detail = "xmlsec could not process the Signature: " + xmlsec_error;
    return Outcome::error;
  }
  if (reference == nullptr || reference->status != xmlSecDSigStatusSucceeded) {
    detail = "DigestValue does not match the referenced content";
    return Outcome::digest_mismatch;
  }
  // Success needs both the return value and the status (attack-catalogue SIG-VERIFY-ERROR).
  if (ctx->status != xmlSecDSigStatusSucceeded) {
    detail = "SignatureValue does not verify";
    return Outcome::signature_mismatch;
  }
  return Outcome::verified;
}

// True when the KeyInfo certificate text is byte-identical (as DER) to one of `list`.
bool any_same(const std::vector<Certificate>& list, const std::string& key_info_text) {
  auto der = base64_decode(key_info_text);
  return der && std::any_of(list.begin(), list.end(), [&](const Certificate& c) { return c.der() == *der; });
}

// The public key a ds:RSAKeyValue (xmldsig-core §4.4.2.2) or dsig11:DEREncodedKeyValue (XML
// Signature 1.1) spells out; nullptr when it cannot be read.
std::shared_ptr<EVP_PKEY> hinted_public_key(const xmlNode* value) {
  constexpr std::string_view k_ns_dsig11 = "http://www.w3.org/2009/xmldsig11#";
  auto text = [](const xmlNode* node) { return base64_decode(simple_text(node).value_or("")); };
  EVP_PKEY* key = nullptr;
  if (is_element(value, k_ns_dsig11, "DEREncodedKeyValue")) {
    auto der = text(value);
    const auto* bytes = der ? reinterpret_cast<const unsigned char*>(der->data()) : nullptr;
    key = der ? d2i_PUBKEY(nullptr, &bytes, static_cast<long>(der->size())) : nullptr;
  } else if (xmlNode* rsa = child_named(value, names::ns_dsig, "RSAKeyValue")) {
    auto modulus = text(child_named(rsa, names::ns_dsig, "Modulus"));
    auto exponent = text(child_named(rsa, names::ns_dsig, "Exponent"));
    if (modulus && exponent && !modulus->empty() && !exponent->empty()) {
      BIGNUM* n = BN_bin2bn(reinterpret_cast<const unsigned char*>(modulus->data()),
                            static_cast<int>(modulus->size()), nullptr);
      BIGNUM* e = BN_bin2bn(reinterpret_cast<const unsigned char*>(exponent->data()),
                            static_cast<int>(exponent->size()), nullptr);
      OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
      OSSL_PARAM* params = nullptr;
      EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
      if (n && e && build && OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, n) == 1 &&
          OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, e) == 1 &&
          (params = OSSL_PARAM_BLD_to_param(build)) != nullptr && ctx && EVP_PKEY_fromdata_init(ctx) == 1) {
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
      }
      EVP_PKEY_CTX_free(ctx);
      OSSL_PARAM_free(params);
      OSSL_PARAM_BLD_free(build);
      BN_free(n);
      BN_free(e);
    }
  }
  ERR_clear_error();
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

// True when KeyInfo names a key in a form other than a certificate (a KeyValue, a
// DEREncodedKeyValue, a KeyName) and that key is none of `trusted` (attack-catalogue KEY-KEYVALUE:
// raw key data from KeyInfo is never used, but it tells "signed by another key" apart from
// "signature broken"). A KeyName matches a trusted certificate's subject or SHA-1 thumbprint.
bool names_untrusted_key(const xmlNode* key_info, std::span<const Certificate> trusted) {
  constexpr std::string_view k_ns_dsig11 = "http://www.w3.org/2009/xmldsig11#";
  if (key_info == nullptr) {
    return false;
  }
  bool named = false;
  bool known = false;
  for (xmlNode* hint : element_children(key_info)) {
    if (is_element(hint, names::ns_dsig, "KeyValue") || is_element(hint, k_ns_dsig11, "DEREncodedKeyValue")) {
      named = true;
      auto key = hinted_public_key(hint);
      known = known || (key && std::any_of(trusted.begin(), trusted.end(), [&](const Certificate& c) {
                          return c.public_key() != nullptr && EVP_PKEY_eq(c.public_key(), key.get()) == 1;
                        }));
    } else if (is_element(hint, names::ns_dsig, "KeyName")) {
      named = true;
      std::string name = simple_text(hint).value_or("");
      known = known || std::any_of(trusted.begin(), trusted.end(), [&](const Certificate& c) {
                return c.subject() == name || c.thumbprint_sha1() == name;
              });
    }
  }
  return named && !known;
}

std::string describe_hint(const std::string& key_info_text) {
  auto cert = Certificate::from_base64(key_info_text);
  return cert ? "'" + cert->subject() + "' (SHA-1 " + cert->thumbprint_sha1() + ")" : "an undecodable certificate";
}

}  // namespace

Result<xmlNode*> enveloped_signature_of(const xmlNode* element) {
  auto signatures = children_named(element, names::ns_dsig, "Signature");
  if (signatures.empty()) {
    return nullptr;
  }
  if (signatures.size() > 1) {
    return fail(Reason::signature_multiple, std::to_string(signatures.size()) + " Signature children");
  }
  xmlNode* first = first_element_child(element);
  xmlNode* expected = is_element(first, names::ns_assertion, "Issuer") ? next_element_sibling(first) : first;
  if (expected != signatures[0]) {
    return fail(Reason::signature_misplaced, "Signature is not right after Issuer (or first)");
  }
  return signatures[0];
}

Result<VerifiedNode> verify_enveloped(XmlDoc& doc, xmlNode* signature,
                                      std::span<const Certificate> trusted,
                                      const VerifyOptions& options) {
  detail::ensure_xmlsec();
  if (trusted.empty()) {
    return fail(Reason::key_no_trusted_keys, "no trusted certificate to verify with");
  }
  auto profile = detail::check_signature_profile(doc, signature, options);
  if (!profile) {
    return fail(profile.error());
  }
  std::vector<Certificate> weak;
  std::string detail;
  bool tried = false;
  for (const auto& cert : trusted) {
    EVP_PKEY* key = cert.public_key();
    if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
      continue;  // every allowed SignatureMethod is RSA: the key type must match (ALG-*)
    }
    if (cert.key_bits() < options.min_rsa_bits) {
      weak.push_back(cert);
      continue;
    }
    tried = true;
    switch (try_key(signature, key, profile->algorithm, profile->digest, detail)) {
      case Outcome::verified:
        return VerifiedNode{profile->signed_element, cert, profile->algorithm};
      case Outcome::digest_mismatch:
        // The digest does not depend on the key: no other key can help.
        return fail(Reason::signature_digest_mismatch, detail);
      case Outcome::error:
        // xmlsec could not finish (an undecodable SignatureValue, a canonicalization or OpenSSL
        // error): never a success, and not a shape problem either (SIG-VERIFY-ERROR).
        return fail(Reason::signature_unverifiable, detail);
      case Outcome::signature_mismatch:
        break;
    }
  }
  // No trusted key verified. Pick the reason that explains it best; KeyInfo is only a hint here.
  const auto& hints = profile->key_info_certificates;
  bool hint_is_weak = std::any_of(hints.begin(), hints.end(), [&](const std::string& h) { return any_same(weak, h); });
  if (hint_is_weak || (!tried && !weak.empty())) {
    return fail(Reason::key_too_weak, "the signing key is shorter than " + std::to_string(options.min_rsa_bits) + " bits");
  }
  if (!tried) {
    return fail(Reason::key_no_trusted_keys, "no trusted RSA certificate");
  }
  std::vector<Certificate> trusted_list(trusted.begin(), trusted.end());
  bool hint_untrusted = !hints.empty() && std::none_of(hints.begin(), hints.end(), [&](const std::string& h) {
    return any_same(trusted_list, h);
  });
  if (hint_untrusted) {
    return fail(Reason::key_untrusted, "KeyInfo names " + describe_hint(hints.front()) + ", which is not trusted");
  }
  if (hints.empty() && names_untrusted_key(profile->key_info, trusted)) {
    return fail(Reason::key_untrusted, "KeyInfo names a key (KeyValue, DEREncodedKeyValue or KeyName) that is not trusted");
  }
  return fail(Reason::signature_invalid, detail);
}

}  // namespace samlt::core
