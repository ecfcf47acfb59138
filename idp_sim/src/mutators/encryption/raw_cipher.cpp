// SPDX-License-Identifier: Apache-2.0
#include "mutators/encryption/raw_cipher.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

namespace samlt::idp::mutators::raw {
namespace {

namespace n = core::names;

auto failed(std::string what) {
  ERR_clear_error();
  return core::fail(core::Reason::internal_error, "raw encryption: " + what);
}

const EVP_CIPHER* cipher_of(Content content) {
  switch (content) {
    case Content::aes128_gcm: return EVP_aes_128_gcm();
    case Content::aes256_gcm: return EVP_aes_256_gcm();
    case Content::aes128_cbc: return EVP_aes_128_cbc();
    case Content::aes256_cbc: return EVP_aes_256_cbc();
  }
  return EVP_aes_256_gcm();
}

bool is_gcm(Content content) { return content == Content::aes128_gcm || content == Content::aes256_gcm; }

const EVP_MD* md_of(Digest digest) { return digest == Digest::sha256 ? EVP_sha256() : EVP_sha1(); }

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

}  // namespace

std::string_view uri(Content content) {
  switch (content) {
    case Content::aes128_gcm: return "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    case Content::aes256_gcm: return n::alg_aes256_gcm;
    case Content::aes128_cbc: return "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    case Content::aes256_cbc: return n::alg_aes256_cbc;
  }
  return n::alg_aes256_gcm;
}

std::string_view uri(Transport transport) {
  switch (transport) {
    case Transport::rsa_oaep_mgf1p: return n::alg_rsa_oaep_mgf1p;
    case Transport::rsa_oaep: return "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    case Transport::rsa_1_5: return n::alg_rsa_1_5;
  }
  return n::alg_rsa_oaep_mgf1p;
}

std::string_view uri(Digest digest) { return digest == Digest::sha256 ? n::alg_sha256 : n::alg_sha1; }

std::string_view mgf_uri(Digest digest) {
  return digest == Digest::sha256 ? "http://www.w3.org/2009/xmlenc11#mgf1sha256"
                                  : "http://www.w3.org/2009/xmlenc11#mgf1sha1";
}

std::size_t key_bytes(Content content) {
  return content == Content::aes128_gcm || content == Content::aes128_cbc ? 16 : 32;
}

core::Result<std::string> encrypt_content(const Recipe& recipe, std::string_view key, std::string_view plaintext) {
  const bool gcm = is_gcm(recipe.content);
  std::string iv = core::random_bytes(gcm ? 12 : 16);
  std::string input(plaintext);
  if (!gcm) {
    // xmlenc-core §5.2: pad to the block with the count of padding bytes in the last byte (the
    // other padding bytes are arbitrary). A bad padding ends in a count larger than a block.
    std::size_t pad = 16 - input.size() % 16;
    input += core::random_bytes(pad - 1);
    input += static_cast<char>(recipe.cbc_bad_padding ? 0x42 : pad);
  }
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  if (!ctx || key.size() != key_bytes(recipe.content) ||
      EVP_EncryptInit_ex(ctx.get(), cipher_of(recipe.content), nullptr, nullptr, nullptr) != 1 ||
      (gcm && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, 12, nullptr) != 1) ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                         reinterpret_cast<const unsigned char*>(iv.data())) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1) {
    return failed("cipher set-up");
  }
  std::string out(input.size() + 16, '\0');
  int written = 0;
  int final_written = 0;
  if (EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &written,
                        reinterpret_cast<const unsigned char*>(input.data()), static_cast<int>(input.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + written, &final_written) != 1) {
    return failed("encryption");
  }
  out.resize(static_cast<std::size_t>(written + final_written));
  if (gcm) {
    std::string tag(16, '\0');
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag.data()) != 1) {
      return failed("GCM tag");
    }
    out += tag;
  }
  return iv + out;
}

core::Result<std::string> wrap_key(const Recipe& recipe, EVP_PKEY* recipient, std::string_view key) {
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(recipient, nullptr),
                                                                  EVP_PKEY_CTX_free);
  const bool oaep = recipe.transport != Transport::rsa_1_5;
  // rsa-oaep-mgf1p fixes MGF1 with SHA-1 (xmlenc-core §5.4.2); xmlenc11#rsa-oaep names its MGF.
  const EVP_MD* mgf = recipe.transport == Transport::rsa_oaep ? md_of(recipe.mgf) : EVP_sha1();
  if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), oaep ? RSA_PKCS1_OAEP_PADDING : RSA_PKCS1_PADDING) <= 0 ||
      (oaep && (EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md_of(recipe.oaep_digest)) <= 0 ||
                EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), mgf) <= 0))) {
    return failed("key transport set-up");
  }
  std::size_t size = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(key.data());
  if (EVP_PKEY_encrypt(ctx.get(), nullptr, &size, in, key.size()) <= 0) {
    return failed("key transport size");
  }
  std::string out(size, '\0');
  if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size, in, key.size()) <= 0) {
    return failed("key transport");
  }
  out.resize(size);
  return out;
}

core::Result<xmlNode*> replace_with_encrypted(xmlNode* place, const core::Certificate& recipient,
                                              std::string_view plaintext, const Recipe& recipe) {
  std::string key = core::random_bytes(key_bytes(recipe.content));
  auto content = encrypt_content(recipe, key, plaintext);
  auto wrapped = content ? wrap_key(recipe, recipient.public_key(), key) : core::Result<std::string>(content);
  if (!content || !wrapped) {
    return core::fail(!content ? content.error() : wrapped.error());
  }
  xmlNode* wrapper = core::insert_element_after(place, n::ns_assertion, "", "EncryptedAssertion");
  core::remove_node(place);
  xmlNode* data = core::append_element(wrapper, n::ns_xenc, "xenc", "EncryptedData");
  core::set_attribute(data, "Type", "http://www.w3.org/2001/04/xmlenc#Element");
  core::set_attribute(core::append_element(data, n::ns_xenc, "xenc", "EncryptionMethod"), "Algorithm",
                      recipe.content_label.empty() ? uri(recipe.content) : recipe.content_label);
  xmlNode* key_info = core::append_element(data, n::ns_dsig, "", "KeyInfo");
  xmlNode* encrypted_key = core::append_element(key_info, n::ns_xenc, "e", "EncryptedKey");
  xmlNode* method = core::append_element(encrypted_key, n::ns_xenc, "e", "EncryptionMethod");
  core::set_attribute(method, "Algorithm", recipe.transport_label.empty() ? uri(recipe.transport) : recipe.transport_label);
  if (recipe.transport != Transport::rsa_1_5) {
    core::set_attribute(core::append_element(method, n::ns_dsig, "", "DigestMethod"), "Algorithm",
                        uri(recipe.oaep_digest));
  }
  if (recipe.transport == Transport::rsa_oaep) {
    core::set_attribute(core::append_element(method, n::ns_xenc11, "xenc11", "MGF"), "Algorithm",
                        mgf_uri(recipe.mgf));
  }
  xmlNode* recipient_info = core::append_element(encrypted_key, n::ns_dsig, "", "KeyInfo");
  core::append_element(core::append_element(recipient_info, n::ns_dsig, "", "X509Data"), n::ns_dsig, "",
                       "X509Certificate", recipient.base64());
  core::append_element(core::append_element(encrypted_key, n::ns_xenc, "e", "CipherData"), n::ns_xenc, "e",
                       "CipherValue", core::base64_encode(*wrapped));
  core::append_element(core::append_element(data, n::ns_xenc, "xenc", "CipherData"), n::ns_xenc, "xenc",
                       "CipherValue", core::base64_encode(*content));
  return wrapper;
}

xmlNode* encrypted_data(const xmlNode* encrypted_assertion) {
  return core::child_named(encrypted_assertion, n::ns_xenc, "EncryptedData");
}

xmlNode* encrypted_key(const xmlNode* encrypted_assertion) {
  xmlNode* info = core::child_named(encrypted_data(encrypted_assertion), n::ns_dsig, "KeyInfo");
  xmlNode* inside = core::child_named(info, n::ns_xenc, "EncryptedKey");
  return inside != nullptr ? inside : core::child_named(encrypted_assertion, n::ns_xenc, "EncryptedKey");
}

xmlNode* cipher_value(const xmlNode* holder) {
  return core::child_named(core::child_named(holder, n::ns_xenc, "CipherData"), n::ns_xenc, "CipherValue");
}

xmlNode* encryption_method(const xmlNode* holder) { return core::child_named(holder, n::ns_xenc, "EncryptionMethod"); }

}  // namespace samlt::idp::mutators::raw
