// SPDX-License-Identifier: Apache-2.0
#include "samlt/sp/redirect_signature.hpp"

#include "samlt/core/query_signature.hpp"

#include <openssl/evp.h>

namespace samlt::sp {

core::Result<core::Certificate> verify_redirect_signature(
    const core::BindingMessage& message, std::span<const core::Certificate> trusted,
    const Policy& policy) {
  if (!message.is_signed()) {
    return core::fail(core::Reason::signature_missing,
                      "the Redirect message carries no SigAlg/Signature");
  }
  std::string sig_alg = message.sig_alg().value_or("");
  auto algorithm = core::signature_algorithm_from_uri(sig_alg);
  bool allowed = algorithm == core::SignatureAlgorithm::rsa_sha256 ||
                 (algorithm == core::SignatureAlgorithm::rsa_sha1 &&
                  policy.min_signature_algorithm == MinSignatureAlgorithm::sha1);
  if (!allowed) {
    return core::fail(core::Reason::signature_algorithm_forbidden,
                      "SigAlg '" + sig_alg + "' is not allowed");
  }
  if (trusted.empty()) {
    return core::fail(core::Reason::key_no_trusted_keys, "no trusted certificate for this IdP");
  }
  for (const auto& cert : trusted) {
    EVP_PKEY* key = cert.public_key();
    if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA ||
        cert.key_bits() < policy.min_rsa_bits) {
      continue;
    }
    if (core::redirect_signature_verifies(message, cert, *algorithm)) {
      return cert;
    }
  }
  return core::fail(core::Reason::signature_invalid,
                    "the query signature does not verify with any trusted key");
}

}  // namespace samlt::sp
