// SPDX-License-Identifier: Apache-2.0
// signature.value_tampered — one character of the first SignatureValue changed: the digests still
// match, only the RSA verification fails (attack-catalogue SIG-VALUE-TAMPER). xmldsig-core §3.2.2.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> signature_value_tampered(Target& target) {
  auto values = core::descendants_named(target.doc->root(), core::names::ns_dsig, "SignatureValue");
  if (values.empty()) {
    return core::fail(core::Reason::mutator_not_applicable, "no SignatureValue");
  }
  std::string text = core::simple_text(values.front()).value_or("");
  if (text.size() < 8) {
    return core::fail(core::Reason::mutator_not_applicable, "SignatureValue too short");
  }
  text[4] = text[4] == 'A' ? 'B' : 'A';
  core::set_text(values.front(), text);
  return {};
}

}  // namespace samlt::idp::mutators
