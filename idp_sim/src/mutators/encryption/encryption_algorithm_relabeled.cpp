// SPDX-License-Identifier: Apache-2.0
// encryption.algorithm_relabeled — a backwards-compatibility attack ("One Bad Apple", NDSS 2013):
// valid ciphertext left as it is, its EncryptionMethod relabelled as a weaker algorithm the SP
// still implements, so the SP's answers leak through the weak one: RSA-OAEP key transport named
// rsa-1_5 (attack-catalogue ENC-BC-OAEP-AS-PKCS15) or AES-GCM content named AES-CBC
// (ENC-BC-GCM-AS-CBC). The algorithm must come from local policy, not from the message.
// Params `what` (key_transport default | content) and `to` (an algorithm name; default rsa-1_5,
// or for content the CBC twin of the GCM mode used).
#include "mutators/encryption/encryption.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

struct Named {
  std::string_view name;
  std::string_view uri;
};

constexpr Named k_algorithms[] = {
    {"rsa-1_5", "http://www.w3.org/2001/04/xmlenc#rsa-1_5"},
    {"rsa-oaep-mgf1p", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"},
    {"rsa-oaep", "http://www.w3.org/2009/xmlenc11#rsa-oaep"},
    {"aes128-gcm", "http://www.w3.org/2009/xmlenc11#aes128-gcm"},
    {"aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes256-gcm"},
    {"aes128-cbc", "http://www.w3.org/2001/04/xmlenc#aes128-cbc"},
    {"aes256-cbc", "http://www.w3.org/2001/04/xmlenc#aes256-cbc"},
};

}  // namespace

core::Result<void> encryption_algorithm_relabeled(Target& target) {
  auto what = enc::choice(target, "what", "key_transport|content", "key_transport");
  auto to = string_param(target, "to");
  auto encrypted = enc::encrypted_assertion(target);
  if (!what || !to || !encrypted) {
    return core::fail(!what ? what.error() : !to ? to.error() : encrypted.error());
  }
  xmlNode* holder = *what == "content" ? raw::encrypted_data(*encrypted) : raw::encrypted_key(*encrypted);
  xmlNode* method = raw::encryption_method(holder);
  if (method == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "no EncryptionMethod to relabel");
  }
  std::string current = core::attribute(method, "Algorithm").value_or("");
  std::string fallback = "rsa-1_5";
  if (*what == "content") {
    fallback = current.find("aes128-gcm") != std::string::npos ? "aes128-cbc" : "aes256-cbc";
  }
  std::string wanted = to->value_or(fallback);
  for (const auto& algorithm : k_algorithms) {
    if (algorithm.name == wanted) {
      core::set_attribute(method, "Algorithm", algorithm.uri);
      return {};
    }
  }
  return core::fail(core::Reason::mutator_params_invalid,
                    "/to: expected rsa-1_5, rsa-oaep-mgf1p, rsa-oaep, aes128-gcm, aes256-gcm, aes128-cbc or aes256-cbc");
}

}  // namespace samlt::idp::mutators
