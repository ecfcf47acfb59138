// SPDX-License-Identifier: Apache-2.0
// encryption.cbc_oracle_probed — the probes of a CBC padding / parsing oracle (attack-catalogue
// ENC-CBC-ORACLE; Jager & Somorovsky, ACM CCS 2011): AES-256-CBC ciphertexts that decrypt to bad
// padding, to valid padding around bytes that are not UTF-8, to well-formed XML that is no
// Assertion, or whose content key is wrapped to another RSA key. An SP must answer all of them
// alike (one status, body and timing), or it decrypts for the attacker byte by byte. xmlenc-core
// §5.2.1 (padding). Param `probe`: bad_padding (default) | bad_utf8 | not_an_assertion | wrong_key.
#include "mutators/encryption/encryption.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> encryption_cbc_oracle_probed(Target& target) {
  auto probe = enc::choice(target, "probe", "bad_padding|bad_utf8|not_an_assertion|wrong_key", "bad_padding");
  auto recipient = enc::recipient(target);
  auto assertion = enc::assertion(target);
  if (!probe || !recipient || !assertion) {
    return core::fail(!probe ? probe.error() : !recipient ? recipient.error() : assertion.error());
  }
  raw::Recipe recipe;
  recipe.content = raw::Content::aes256_cbc;
  std::string plaintext = core::serialize(*assertion);
  core::Certificate wrap_to = *recipient;
  if (*probe == "bad_padding") {
    recipe.cbc_bad_padding = true;
  } else if (*probe == "bad_utf8") {
    auto at = plaintext.find("</NameID>");
    plaintext.insert(at == std::string::npos ? plaintext.size() / 2 : at, "\xC3\x28\xFF");
  } else if (*probe == "not_an_assertion") {
    plaintext = "<samlp:Status xmlns:samlp=\"" + std::string(core::names::ns_protocol) + "\"/>";
  } else {
    const core::Credential* other = target.credential("idp-rogue");
    if (other == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "no idp-rogue credential to wrap the key to");
    }
    wrap_to = other->certificate;
  }
  auto replaced = raw::replace_with_encrypted(*assertion, wrap_to, plaintext, recipe);
  if (!replaced) {
    return core::fail(replaced.error());
  }
  if (*probe == "wrong_key") {
    // The recipient hint still names the SP's certificate: only the wrapped key differs.
    xmlNode* key = raw::encrypted_key(*replaced);
    xmlNode* info = core::child_named(key, core::names::ns_dsig, "KeyInfo");
    xmlNode* data = core::child_named(info, core::names::ns_dsig, "X509Data");
    core::set_text(core::child_named(data, core::names::ns_dsig, "X509Certificate"), recipient->base64());
  }
  return {};
}

}  // namespace samlt::idp::mutators
