// SPDX-License-Identifier: Apache-2.0
// signature.hollowed — an empty or hollow Signature (xml-crypto invalid_saml_no_signed_info;
// SIG-EMPTY): `<Signature/>`, no SignedInfo, an empty SignatureValue or an empty DigestValue. A
// verifier that loops over whatever references or values it finds, and succeeds when there are
// none, accepts it. xmldsig-core §4.1 (SignedInfo and SignatureValue are required), §4.3.3.5.
#include "mutators/signature/signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: form (empty_element | no_signed_info | empty_signature_value | empty_digest_value),
// target (assertion | response).
core::Result<void> signature_hollowed(Target& target) {
  auto form = xsw::choice_param(target, "form", "empty_element|no_signed_info|empty_signature_value|empty_digest_value",
                                "empty_element");
  if (!form) {
    return core::fail(form.error());
  }
  auto signature = sig::chosen_signature(target);
  if (!signature) {
    return core::fail(signature.error());
  }
  if (*form == "empty_element") {
    while ((*signature)->children != nullptr) {
      core::remove_node((*signature)->children);
    }
    return {};
  }
  const char* local = *form == "no_signed_info"          ? "SignedInfo"
                      : *form == "empty_signature_value" ? "SignatureValue"
                                                         : "DigestValue";
  xmlNode* node = sig::part(*signature, local);
  if (node == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, std::string("the Signature has no ") + local);
  }
  *form == "no_signed_info" ? core::remove_node(node) : core::set_text(node, "");
  return {};
}

}  // namespace samlt::idp::mutators
