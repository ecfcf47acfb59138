// SPDX-License-Identifier: Apache-2.0
// xmldsig-core §3.1 (signature generation) done by hand: Reference digests first, then the
// SignatureValue over the canonical SignedInfo.
#include "mutators/algorithms/resign.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <libxml/c14n.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/hmac.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <vector>

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

constexpr std::string_view k_more = "http://www.w3.org/2001/04/xmldsig-more#";
constexpr std::string_view k_c14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

core::Error cannot(std::string what) { return core::Error{core::Reason::mutator_not_applicable, std::move(what)}; }

struct Subset {
  const xmlNode* root;
  const xmlNode* excluded;
};

bool inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) {
      return true;
    }
  }
  return false;
}

// libxml2 asks about elements and text with their parent, about attributes and namespace nodes
// (xmlNs, which has no parent member) with the element that carries or inherits them.
int visible(void* data, xmlNodePtr node, xmlNodePtr parent) {
  const auto* subset = static_cast<const Subset*>(data);
  const xmlNode* at = (node->type == XML_NAMESPACE_DECL || node->type == XML_ATTRIBUTE_NODE) ? parent : node;
  if (at == nullptr) {
    return 0;
  }
  return inside(at, subset->root) && (subset->excluded == nullptr || !inside(at, subset->excluded)) ? 1 : 0;
}

struct MdRow {
  std::string_view name;
  const EVP_MD* (*md)();
};
constexpr MdRow k_mds[] = {{"md5", EVP_md5},       {"sha1", EVP_sha1},     {"sha224", EVP_sha224},
                           {"sha256", EVP_sha256}, {"sha384", EVP_sha384}, {"sha512", EVP_sha512}};

// A DigestMethod URI (xmldsig-core §6.2, xmlenc-core §5.7.2, RFC 6931 §2.1).
const EVP_MD* digest_md(std::string_view uri) {
  if (uri == n::alg_sha1) {
    return EVP_sha1();
  }
  for (const auto& row : k_mds) {
    std::string name(row.name);
    if (name != "sha1" && (uri == std::string(k_more) + name || uri == "http://www.w3.org/2001/04/xmlenc#" + name)) {
      return row.md();
    }
  }
  return nullptr;
}

// A SignatureMethod URI (xmldsig-core §6.3, RFC 6931 §2.2–§2.3, RFC 9231 §2.3.10 for RSA-PSS).
const EVP_MD* signature_md(std::string_view uri) {
  if (uri == n::alg_rsa_sha1 || uri == "http://www.w3.org/2000/09/xmldsig#hmac-sha1") {
    return EVP_sha1();
  }
  for (const auto& row : k_mds) {
    std::string name(row.name);
    for (const std::string& form : {std::string(k_more) + "rsa-" + name, std::string(k_more) + "hmac-" + name,
                                    std::string(k_more) + "ecdsa-" + name,
                                    "http://www.w3.org/2007/05/xmldsig-more#" + name + "-rsa-MGF1"}) {
      if (uri == form) {
        return row.md();
      }
    }
  }
  return nullptr;
}

// The canonicalization a Transform or CanonicalizationMethod names; false for anything else.
bool c14n_method(const xmlNode* method, bool& exclusive, bool& comments, std::string& prefixes) {
  std::string uri = core::attribute(method, "Algorithm").value_or("");
  exclusive = uri == n::alg_exc_c14n || uri == n::alg_exc_c14n_comments;
  comments = uri == n::alg_exc_c14n_comments || uri == std::string(k_c14n) + "#WithComments";
  if (!exclusive && uri != k_c14n && uri != std::string(k_c14n) + "#WithComments") {
    return false;
  }
  if (xmlNode* inclusive = core::first_element_child(method)) {
    prefixes = core::attribute(inclusive, "PrefixList").value_or("");
  }
  return true;
}

core::Result<std::string> sign_octets(const xmlNode* signed_info, const std::string& octets, const SigningKey& key) {
  xmlNode* method = core::child_named(signed_info, n::ns_dsig, "SignatureMethod");
  std::string uri = core::attribute(method, "Algorithm").value_or("");
  const EVP_MD* md = signature_md(uri);
  if (md == nullptr) {
    return core::fail(cannot("SignatureMethod '" + uri + "'"));
  }
  if (uri.find("hmac-") != std::string::npos) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(md, key.hmac_secret.data(), static_cast<int>(key.hmac_secret.size()),
         reinterpret_cast<const unsigned char*>(octets.data()), octets.size(), out, &size);
    std::string mac(reinterpret_cast<const char*>(out), size);
    if (xmlNode* length = core::child_named(method, n::ns_dsig, "HMACOutputLength")) {
      long bits = std::strtol(core::simple_text(length).value_or("0").c_str(), nullptr, 10);
      bits = std::clamp(bits, 0L, static_cast<long>(size) * 8);
      mac.resize(static_cast<std::size_t>((bits + 7) / 8));
      if (bits % 8 != 0) {
        mac.back() = static_cast<char>(static_cast<unsigned char>(mac.back()) & (0xFF << (8 - bits % 8)));
      }
    }
    return core::base64_encode(mac);
  }
  if (key.private_key == nullptr) {
    return core::fail(cannot("no private key for " + uri));
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, key.private_key) != 1) {
    return core::fail(cannot("OpenSSL refuses " + uri + " with this key"));
  }
  if (uri.find("-rsa-MGF1") != std::string::npos &&
      (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
       EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1)) {
    return core::fail(cannot("RSA-PSS parameters"));
  }
  std::size_t size = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(octets.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &size, data, octets.size()) != 1) {
    return core::fail(cannot("OpenSSL refuses to sign with " + uri));
  }
  std::string out(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size, data, octets.size()) != 1) {
    return core::fail(cannot("OpenSSL refuses to sign with " + uri));
  }
  out.resize(size);
  if (EVP_PKEY_get_base_id(key.private_key) == EVP_PKEY_EC) {
    // xmldsig-more §3.4.1: ECDSA SignatureValue is r || s, each the size of the group order.
    const auto* der = reinterpret_cast<const unsigned char*>(out.data());
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(d2i_ECDSA_SIG(nullptr, &der, static_cast<long>(out.size())),
                                                             &ECDSA_SIG_free);
    int half = (EVP_PKEY_get_bits(key.private_key) + 7) / 8;
    std::string raw(static_cast<std::size_t>(half) * 2, '\0');
    if (!sig || BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(raw.data()), half) != half ||
        BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(raw.data()) + half, half) != half) {
      return core::fail(cannot("ECDSA signature conversion"));
    }
    out = raw;
  }
  return core::base64_encode(out);
}

xmlNode* element_with_id(xmlNode* node, const std::string& id) {
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_ELEMENT_NODE) {
      if (core::attribute(node, "ID") == id) {
        return node;
      }
      if (xmlNode* found = element_with_id(node->children, id)) {
        return found;
      }
    }
  }
  return nullptr;
}

core::Result<void> redigest(xmlDoc* doc, xmlNode* signature, xmlNode* reference) {
  std::string uri = core::attribute(reference, "URI").value_or("");
  xmlNode* target = uri.empty() ? xmlDocGetRootElement(doc)
                                : uri[0] == '#' ? element_with_id(xmlDocGetRootElement(doc), uri.substr(1)) : nullptr;
  if (target == nullptr) {
    return core::fail(cannot("Reference URI '" + uri + "' names no element"));
  }
  const xmlNode* excluded = nullptr;
  bool exclusive = false;
  bool comments = false;
  std::string prefixes;
  for (xmlNode* transform : core::descendants_named(core::child_named(reference, n::ns_dsig, "Transforms"), n::ns_dsig,
                                                    "Transform")) {
    if (core::attribute(transform, "Algorithm") == n::alg_enveloped) {
      excluded = signature;
    } else if (!c14n_method(transform, exclusive, comments, prefixes)) {
      return core::fail(cannot("Transform '" + core::attribute(transform, "Algorithm").value_or("") + "'"));
    }
  }
  auto octets = canonical_octets(doc, target, excluded, exclusive, comments, prefixes);
  if (!octets) {
    return core::fail(octets.error());
  }
  auto digest = digest_base64(core::attribute(core::child_named(reference, n::ns_dsig, "DigestMethod"), "Algorithm")
                                  .value_or(""),
                              *octets);
  if (!digest) {
    return core::fail(digest.error());
  }
  core::set_text(core::child_named(reference, n::ns_dsig, "DigestValue"), *digest);
  return {};
}

int depth(const xmlNode* node) {
  int d = 0;
  for (; node != nullptr; node = node->parent) {
    ++d;
  }
  return d;
}

}  // namespace

core::Result<std::string> canonical_octets(xmlDoc* doc, const xmlNode* root, const xmlNode* excluded, bool exclusive,
                                           bool with_comments, std::string_view prefixes) {
  std::vector<std::string> words;
  std::istringstream in{std::string(prefixes)};
  for (std::string word; in >> word;) {
    words.push_back(word);
  }
  std::vector<xmlChar*> list;
  for (auto& word : words) {
    list.push_back(reinterpret_cast<xmlChar*>(word.data()));
  }
  list.push_back(nullptr);
  Subset subset{root, excluded};
  xmlOutputBufferPtr buffer = xmlAllocOutputBuffer(nullptr);
  int rc = xmlC14NExecute(doc, &visible, &subset, exclusive ? XML_C14N_EXCLUSIVE_1_0 : XML_C14N_1_0,
                          exclusive ? list.data() : nullptr, with_comments ? 1 : 0, buffer);
  std::string out;
  if (rc >= 0) {
    out.assign(reinterpret_cast<const char*>(xmlOutputBufferGetContent(buffer)), xmlOutputBufferGetSize(buffer));
  }
  xmlOutputBufferClose(buffer);
  if (rc < 0) {
    return core::fail(core::Reason::internal_error, "libxml2 could not canonicalize the element");
  }
  return out;
}

core::Result<std::string> digest_base64(std::string_view digest_method, std::string_view octets) {
  const EVP_MD* md = digest_md(digest_method);
  if (md == nullptr) {
    return core::fail(cannot("DigestMethod '" + std::string(digest_method) + "'"));
  }
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(octets.data(), octets.size(), out, &size, md, nullptr);
  return core::base64_encode(std::string_view(reinterpret_cast<const char*>(out), size));
}

core::Result<void> resign(core::XmlDoc& doc, xmlNode* signature, const SigningKey& key) {
  xmlNode* signed_info = core::child_named(signature, n::ns_dsig, "SignedInfo");
  xmlNode* value = core::child_named(signature, n::ns_dsig, "SignatureValue");
  if (signed_info == nullptr || value == nullptr) {
    return core::fail(cannot("the Signature has no SignedInfo or SignatureValue"));
  }
  for (xmlNode* reference : core::children_named(signed_info, n::ns_dsig, "Reference")) {
    if (auto ok = redigest(doc.get(), signature, reference); !ok) {
      return ok;
    }
  }
  bool exclusive = false;
  bool comments = false;
  std::string prefixes;
  xmlNode* method = core::child_named(signed_info, n::ns_dsig, "CanonicalizationMethod");
  if (!c14n_method(method, exclusive, comments, prefixes)) {
    return core::fail(cannot("CanonicalizationMethod '" + core::attribute(method, "Algorithm").value_or("") + "'"));
  }
  auto octets = canonical_octets(doc.get(), signed_info, nullptr, exclusive, comments, prefixes);
  if (!octets) {
    return core::fail(octets.error());
  }
  auto signed_value = sign_octets(signed_info, *octets, key);
  if (!signed_value) {
    return core::fail(signed_value.error());
  }
  core::set_text(value, *signed_value);
  return {};
}

core::Result<void> resign_all(core::XmlDoc& doc, const SigningKey& key) {
  auto signatures = core::descendants_named(doc.root(), n::ns_dsig, "Signature");
  std::stable_sort(signatures.begin(), signatures.end(),
                   [](const xmlNode* a, const xmlNode* b) { return depth(a) > depth(b); });
  for (xmlNode* signature : signatures) {
    if (auto ok = resign(doc, signature, key); !ok) {
      return ok;
    }
  }
  return {};
}

}  // namespace samlt::idp::mutators
