// SPDX-License-Identifier: Apache-2.0
#include "mutators/keys/dsig_math.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/saml_names.hpp"

#include <libxml/c14n.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>
#include <vector>

namespace samlt::idp::mutators::dsig {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

core::Result<std::string> exc_c14n(const xmlNode* element, const xmlNode* excluded) {
  // The subtree alone in a document of its own: exclusive c14n renders only the namespaces the
  // subtree visibly uses, so its canonical form is the same as in place (xml-exc-c14n §1.1).
  std::unique_ptr<xmlDoc, DocFree> alone(xmlNewDoc(BAD_CAST "1.0"));
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(element), alone.get(), 1);
  if (copy == nullptr) {
    return core::fail(core::Reason::internal_error, "cannot copy the element to canonicalize");
  }
  xmlDocSetRootElement(alone.get(), copy);
  if (excluded != nullptr) {
    // The same node in the copy: follow the child indexes from `element` down to `excluded`.
    std::vector<int> path;
    for (const xmlNode* at = excluded; at != element && at != nullptr; at = at->parent) {
      int index = 0;
      for (const xmlNode* sibling = at->prev; sibling != nullptr; sibling = sibling->prev) {
        ++index;
      }
      path.insert(path.begin(), index);
    }
    xmlNode* in_copy = copy;
    for (int index : path) {
      in_copy = in_copy->children;
      for (int i = 0; i < index && in_copy != nullptr; ++i) {
        in_copy = in_copy->next;
      }
    }
    if (in_copy == nullptr || in_copy == copy) {
      return core::fail(core::Reason::internal_error, "the excluded node is not inside the element");
    }
    xmlUnlinkNode(in_copy);
    xmlFreeNode(in_copy);
  }
  xmlChar* canonical = nullptr;
  int size = xmlC14NDocDumpMemory(alone.get(), nullptr, XML_C14N_EXCLUSIVE_1_0, nullptr, 0, &canonical);
  if (size < 0) {
    return core::fail(core::Reason::internal_error, "exclusive canonicalization failed");
  }
  std::string out(reinterpret_cast<const char*>(canonical), static_cast<std::size_t>(size));
  xmlFree(canonical);
  return out;
}

std::string sha256_base64(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  return core::base64_encode(std::string_view(reinterpret_cast<const char*>(digest), size));
}

std::string hmac_sha1_base64(std::string_view secret, std::string_view bytes) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), mac, &size);
  return core::base64_encode(std::string_view(reinterpret_cast<const char*>(mac), size));
}

core::Result<std::string> rsa_sha256_base64(const core::PrivateKey& key, std::string_view bytes) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t size = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size()) != 1) {
    return core::fail(core::Reason::internal_error, "RSA-SHA256 signing failed");
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 1) {
    return core::fail(core::Reason::internal_error, "RSA-SHA256 signing failed");
  }
  signature.resize(size);
  return core::base64_encode(signature);
}

xmlNode* dsig_child(const xmlNode* parent, std::string_view local) {
  return parent == nullptr ? nullptr : core::child_named(parent, core::names::ns_dsig, local);
}

core::Result<void> redigest_enveloped(xmlNode* signature) {
  xmlNode* reference = dsig_child(dsig_child(signature, "SignedInfo"), "Reference");
  xmlNode* digest = dsig_child(reference, "DigestValue");
  if (digest == nullptr || signature->parent == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Signature has no Reference to re-digest");
  }
  auto canonical = exc_c14n(signature->parent, signature);
  if (!canonical) {
    return core::fail(canonical.error());
  }
  core::set_text(digest, sha256_base64(*canonical));
  return {};
}

}  // namespace samlt::idp::mutators::dsig
