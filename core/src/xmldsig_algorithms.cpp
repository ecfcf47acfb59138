// SPDX-License-Identifier: Apache-2.0
// The algorithm table: URIs for documents, xmlsec transforms for the crypto.
#include "samlt/core/saml_names.hpp"
#include "samlt/core/xmldsig.hpp"
#include "xmlsec_internal.hpp"

#include <xmlsec/openssl/crypto.h>

namespace samlt::core {
namespace {

struct AlgorithmRow {
  SignatureAlgorithm algorithm;
  std::string_view name;
  std::string_view signature_uri;
  std::string_view digest_uri;
};

constexpr AlgorithmRow k_algorithms[] = {
    {SignatureAlgorithm::rsa_sha256, "rsa-sha256", names::alg_rsa_sha256, names::alg_sha256},
    {SignatureAlgorithm::rsa_sha1, "rsa-sha1", names::alg_rsa_sha1, names::alg_sha1},
    {SignatureAlgorithm::rsa_sha384, "rsa-sha384", names::alg_rsa_sha384, names::alg_sha384},
    {SignatureAlgorithm::rsa_sha512, "rsa-sha512", names::alg_rsa_sha512, names::alg_sha512},
};

const AlgorithmRow& row(SignatureAlgorithm algorithm) {
  for (const auto& r : k_algorithms) {
    if (r.algorithm == algorithm) {
      return r;
    }
  }
  return k_algorithms[0];
}

}  // namespace

std::string_view signature_method_uri(SignatureAlgorithm algorithm) { return row(algorithm).signature_uri; }
std::string_view digest_method_uri(SignatureAlgorithm algorithm) { return row(algorithm).digest_uri; }
std::string_view algorithm_name(SignatureAlgorithm algorithm) { return row(algorithm).name; }

namespace detail {

xmlSecTransformId signature_transform(SignatureAlgorithm algorithm) {
  switch (algorithm) {
    case SignatureAlgorithm::rsa_sha1: return xmlSecOpenSSLTransformRsaSha1Id;
    case SignatureAlgorithm::rsa_sha384: return xmlSecOpenSSLTransformRsaSha384Id;
    case SignatureAlgorithm::rsa_sha512: return xmlSecOpenSSLTransformRsaSha512Id;
    case SignatureAlgorithm::rsa_sha256: break;
  }
  return xmlSecOpenSSLTransformRsaSha256Id;
}

xmlSecTransformId digest_transform(SignatureAlgorithm algorithm) {
  switch (algorithm) {
    case SignatureAlgorithm::rsa_sha1: return xmlSecOpenSSLTransformSha1Id;
    case SignatureAlgorithm::rsa_sha384: return xmlSecOpenSSLTransformSha384Id;
    case SignatureAlgorithm::rsa_sha512: return xmlSecOpenSSLTransformSha512Id;
    case SignatureAlgorithm::rsa_sha256: break;
  }
  return xmlSecOpenSSLTransformSha256Id;
}

}  // namespace detail
}  // namespace samlt::core
