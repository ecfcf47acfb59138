// SPDX-License-Identifier: Apache-2.0
// xml.pretty_printed — the message indented: a newline and two spaces per level before every
// child of an element that holds only elements, never inside text (attack-catalogue
// POS-WHITESPACE). W3C Canonical XML keeps whitespace text nodes, so they are signed content: with
// resign the IdP signs the indented form and a correct SP must accept it as it stands (no
// XML_PARSE_NOBLANKS); without, the indentation arrives after signing and the digest no longer
// matches (an SP that strips blanks before verifying would accept that, and refuse the signed one).
#include "mutators/algorithms/resign.hpp"
#include "mutators/c14n/c14n.hpp"
#include "mutators/mutators.hpp"

namespace samlt::idp::mutators {
namespace {

bool element_only(const xmlNode* node) {
  bool any = false;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      return false;
    }
    any = any || child->type == XML_ELEMENT_NODE;
  }
  return any;
}

void indent(xmlNode* node, int depth) {
  if (!element_only(node)) {
    return;
  }
  std::string inner = "\n" + std::string(static_cast<std::size_t>(depth + 1) * 2, ' ');
  for (xmlNode* child = node->children; child != nullptr;) {
    xmlNode* next = child->next;
    if (child->type == XML_ELEMENT_NODE) {
      xmlAddPrevSibling(child, xmlNewDocText(node->doc, BAD_CAST inner.c_str()));
      indent(child, depth + 1);
    }
    child = next;
  }
  std::string closing = "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' ');
  xmlAddChild(node, xmlNewDocText(node->doc, BAD_CAST closing.c_str()));
}

}  // namespace

// Params: resign (default false).
core::Result<void> xml_pretty_printed(Target& target) {
  auto resign_after = bool_param(target, "resign", false);
  if (!resign_after) {
    return core::fail(resign_after.error());
  }
  indent(target.doc->root(), 0);
  if (!*resign_after) {
    return {};
  }
  return resign_all(*target.doc, SigningKey{target.spec.signer.key.get(), {}});
}

}  // namespace samlt::idp::mutators
