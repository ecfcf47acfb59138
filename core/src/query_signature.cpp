// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/query_signature.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace samlt::core {
namespace {

using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

const EVP_MD* digest_of(SignatureAlgorithm algorithm) {
  switch (algorithm) {
    case SignatureAlgorithm::rsa_sha1: return EVP_sha1();
    case SignatureAlgorithm::rsa_sha384: return EVP_sha384();
    case SignatureAlgorithm::rsa_sha512: return EVP_sha512();
    case SignatureAlgorithm::rsa_sha256: break;
  }
  return EVP_sha256();
}

const unsigned char* bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

std::optional<SignatureAlgorithm> signature_algorithm_from_uri(std::string_view uri) {
  for (auto algorithm : {SignatureAlgorithm::rsa_sha256, SignatureAlgorithm::rsa_sha1,
                         SignatureAlgorithm::rsa_sha384, SignatureAlgorithm::rsa_sha512}) {
    if (signature_method_uri(algorithm) == uri) {
      return algorithm;
    }
  }
  return std::nullopt;
}

Result<std::string> sign_query_octets(const PrivateKey& key, SignatureAlgorithm algorithm, std::string_view octets) {
  MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t length = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, digest_of(algorithm), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, bytes(octets), octets.size()) != 1) {
    ERR_clear_error();
    return fail(Reason::internal_error, "EVP_DigestSign failed");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, bytes(octets),
                     octets.size()) != 1) {
    ERR_clear_error();
    return fail(Reason::internal_error, "EVP_DigestSign failed");
  }
  signature.resize(length);
  return signature;
}

bool verify_query_octets(const Certificate& certificate, SignatureAlgorithm algorithm, std::string_view octets,
                         std::string_view signature) {
  EVP_PKEY* key = certificate.public_key();
  if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    return false;
  }
  MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, digest_of(algorithm), nullptr, key) == 1 &&
            EVP_DigestVerify(ctx.get(), bytes(signature), signature.size(), bytes(octets), octets.size()) == 1;
  ERR_clear_error();
  return ok;
}

}  // namespace samlt::core
