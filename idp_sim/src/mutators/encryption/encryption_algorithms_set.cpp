// SPDX-License-Identifier: Apache-2.0
// encryption.algorithms_set — the Assertion encrypted with algorithms of the encrypter's choice.
// By default the content key travels with RSA-PKCS#1 v1.5 (attack-catalogue ENC-RSA15;
// Bleichenbacher's attack on XML Encryption, ESORICS 2012), which SAML2int IIP-ALG08 blocks: the SP
// must refuse the algorithm by its name, before the key is used. The other values build the modern
// combinations an SP must take (POS-ENC-MODERN: AES-GCM with either RSA-OAEP identifier,
// xmlenc-core1 §5.2.4, §5.5.2). Params `content` (aes128-gcm | aes256-gcm | aes128-cbc |
// aes256-cbc; default the app's), `key_transport` (rsa-1_5 default | rsa-oaep-mgf1p | rsa-oaep),
// `oaep_digest` and `mgf` (sha1 default | sha256).
#include "mutators/encryption/encryption.hpp"

namespace samlt::idp::mutators {

core::Result<void> encryption_algorithms_set(Target& target) {
  raw::Recipe recipe = enc::app_recipe(target);
  std::string app_content = recipe.content == raw::Content::aes256_cbc ? "aes256-cbc" : "aes256-gcm";
  auto content = enc::choice(target, "content", "aes128-gcm|aes256-gcm|aes128-cbc|aes256-cbc", app_content);
  auto transport = enc::choice(target, "key_transport", "rsa-1_5|rsa-oaep-mgf1p|rsa-oaep", "rsa-1_5");
  auto digest = enc::choice(target, "oaep_digest", "sha1|sha256", "sha1");
  auto mgf = enc::choice(target, "mgf", "sha1|sha256", "sha1");
  if (!content || !transport || !digest || !mgf) {
    return core::fail(!content ? content.error() : !transport ? transport.error() : !digest ? digest.error() : mgf.error());
  }
  auto recipient = enc::recipient(target);
  auto assertion = enc::assertion(target);
  if (!recipient || !assertion) {
    return core::fail(!recipient ? recipient.error() : assertion.error());
  }
  recipe.content = *content == "aes128-gcm"   ? raw::Content::aes128_gcm
                   : *content == "aes256-gcm" ? raw::Content::aes256_gcm
                   : *content == "aes128-cbc" ? raw::Content::aes128_cbc
                                              : raw::Content::aes256_cbc;
  recipe.transport = *transport == "rsa-1_5"          ? raw::Transport::rsa_1_5
                     : *transport == "rsa-oaep-mgf1p" ? raw::Transport::rsa_oaep_mgf1p
                                                      : raw::Transport::rsa_oaep;
  recipe.oaep_digest = *digest == "sha256" ? raw::Digest::sha256 : raw::Digest::sha1;
  recipe.mgf = *mgf == "sha256" ? raw::Digest::sha256 : raw::Digest::sha1;
  auto replaced = raw::replace_with_encrypted(*assertion, *recipient, core::serialize(*assertion), recipe);
  if (!replaced) {
    return core::fail(replaced.error());
  }
  return {};
}

}  // namespace samlt::idp::mutators
