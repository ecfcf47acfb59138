// SPDX-License-Identifier: Apache-2.0
// Small readers the XSW mutator tests share: who a copy claims to be, and where copies sit.
#pragma once

#include "samlt/core/saml_names.hpp"
#include "samlt/core/xml.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace samlt::test::idp::xsw {

inline constexpr const char* k_attacker = "alex.wilber@contoso.example";
inline constexpr const char* k_victim = "megan.bowen@contoso.example";

// Whom `subtree` names: an Assertion's own Subject/NameID, a Response's first Assertion's, and
// for anything else the first NameID inside it ("" when none). A copy hidden in a Signature's
// Object comes before the Subject in document order, so "the first NameID" is not the subject.
inline std::string name_id_of(const xmlNode* subtree) {
  namespace n = core::names;
  if (core::is_element(subtree, n::ns_protocol, "Response")) {
    const xmlNode* assertion = core::child_named(subtree, n::ns_assertion, "Assertion");
    return assertion == nullptr ? "" : name_id_of(assertion);
  }
  if (core::is_element(subtree, n::ns_assertion, "Assertion")) {
    const xmlNode* subject = core::child_named(subtree, n::ns_assertion, "Subject");
    return core::simple_text(core::child_named(subject, n::ns_assertion, "NameID")).value_or("");
  }
  auto found = core::descendants_named(subtree, n::ns_assertion, "NameID");
  return found.empty() ? "" : core::simple_text(found.front()).value_or("");
}

inline std::string id_of(const xmlNode* element) { return core::attribute(element, "ID").value_or(""); }

inline xmlNode* signature_of(const xmlNode* element) {
  return core::child_named(element, core::names::ns_dsig, "Signature");
}

inline xmlNode* assertion_of(const xmlNode* element) {
  return core::child_named(element, core::names::ns_assertion, "Assertion");
}

inline std::string signature_value(const xmlNode* signature) {
  return core::simple_text(core::child_named(signature, core::names::ns_dsig, "SignatureValue")).value_or("");
}

// Every element {ns}local under `root` (itself included) whose ID is `id`, in document order.
inline std::vector<xmlNode*> with_id(const xmlNode* root, std::string_view ns, std::string_view local,
                                     const std::string& id) {
  std::vector<xmlNode*> out;
  for (xmlNode* node : core::descendants_named(root, ns, local)) {
    if (id_of(node) == id) {
      out.push_back(node);
    }
  }
  return out;
}

}  // namespace samlt::test::idp::xsw
