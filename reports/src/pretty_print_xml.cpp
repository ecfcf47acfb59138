// SPDX-License-Identifier: Apache-2.0
#include "samlt/reports/pretty_print_xml.hpp"

#include "xml_save.hpp"

#include "samlt/core/xml.hpp"

#include <libxml/tree.h>

#include <utility>
#include <vector>

namespace samlt::reports {
namespace {

bool is_blank_text(const xmlNode* node) {
  return node->type == XML_TEXT_NODE && xmlIsBlankNode(node) == 1;
}

// libxml2 indents only inside elements with no text children, so whitespace the sender put
// between elements would otherwise block indentation. Blank text is dropped only where the
// element holds nothing but elements and blank text, so no character of a value is ever lost.
void drop_indentation_text(xmlNode* element) {
  bool has_element = false;
  bool has_other_text = false;
  std::vector<xmlNode*> blanks;
  for (xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      has_element = true;
      drop_indentation_text(child);
    } else if (is_blank_text(child)) {
      blanks.push_back(child);
    } else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      has_other_text = true;
    }
  }
  if (!has_element || has_other_text) {
    return;
  }
  for (xmlNode* blank : blanks) {
    xmlUnlinkNode(blank);
    xmlFreeNode(blank);
  }
}

}  // namespace

std::string pretty_print_xml(std::string_view xml) {
  auto doc = core::parse_strict(xml);
  if (!doc || doc->root() == nullptr) {
    return std::string(xml);
  }
  // parse_strict's recursion limit (ParseLimits::max_depth) bounds this recursion too.
  drop_indentation_text(doc->root());
  auto text = save_indented(doc->get(), XmlDeclaration::omit);
  if (!text) {
    return std::string(xml);
  }
  while (!text->empty() && text->back() == '\n') {
    text->pop_back();
  }
  return std::move(*text);
}

}  // namespace samlt::reports
