// SPDX-License-Identifier: Apache-2.0
// Entra's byte-level conventions (entra-spec §1.1): no declaration, no whitespace between elements,
// namespace declarations after the other attributes, `/>` for empty elements. libxml2's own
// serialiser writes namespace declarations first, hence this small writer.
#include "samlt/core/xml.hpp"

namespace samlt::core {
namespace {

std::string_view view(const xmlChar* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

void append_escaped(std::string& out, std::string_view text, bool in_attribute) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += in_attribute ? ">" : "&gt;"; break;
      case '"': out += in_attribute ? "&quot;" : "\""; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += in_attribute ? "&#10;" : "\n"; break;
      case '\t': out += in_attribute ? "&#9;" : "\t"; break;
      default: out += c;
    }
  }
}

void append_qname(std::string& out, const xmlNs* ns, const xmlChar* name) {
  if (ns != nullptr && ns->prefix != nullptr) {
    out += view(ns->prefix);
    out += ':';
  }
  out += view(name);
}

void write_node(std::string& out, const xmlNode* node);

void write_children(std::string& out, const xmlNode* first) {
  for (const xmlNode* child = first; child != nullptr; child = child->next) {
    write_node(out, child);
  }
}

void write_element(std::string& out, const xmlNode* node) {
  out += '<';
  append_qname(out, node->ns, node->name);
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    out += ' ';
    append_qname(out, attr->ns, attr->name);
    out += "=\"";
    xmlChar* value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(attr));
    append_escaped(out, view(value), true);
    xmlFree(value);
    out += '"';
  }
  for (const xmlNs* ns = node->nsDef; ns != nullptr; ns = ns->next) {
    out += " xmlns";
    if (ns->prefix != nullptr) {
      out += ':';
      out += view(ns->prefix);
    }
    out += "=\"";
    append_escaped(out, view(ns->href), true);
    out += '"';
  }
  if (node->children == nullptr) {
    out += "/>";
    return;
  }
  out += '>';
  write_children(out, node->children);
  out += "</";
  append_qname(out, node->ns, node->name);
  out += '>';
}

void write_node(std::string& out, const xmlNode* node) {
  switch (node->type) {
    case XML_ELEMENT_NODE:
      write_element(out, node);
      break;
    case XML_TEXT_NODE:
      append_escaped(out, view(node->content), false);
      break;
    case XML_CDATA_SECTION_NODE:
      out += "<![CDATA[";
      out += view(node->content);
      out += "]]>";
      break;
    case XML_COMMENT_NODE:
      out += "<!--";
      out += view(node->content);
      out += "-->";
      break;
    case XML_PI_NODE:
      out += "<?";
      out += view(node->name);
      if (node->content != nullptr && *node->content != 0) {
        out += ' ';
        out += view(node->content);
      }
      out += "?>";
      break;
    case XML_ENTITY_REF_NODE:
      out += '&';
      out += view(node->name);
      out += ';';
      break;
    default:
      break;  // DTD nodes never reach here: parse_strict refuses them, builders never make them
  }
}

}  // namespace

std::string serialize(const XmlDoc& doc) {
  std::string out;
  if (doc) {
    write_children(out, doc.get()->children);
  }
  return out;
}

std::string serialize(const xmlNode* element) {
  std::string out;
  if (element != nullptr) {
    write_node(out, element);
  }
  return out;
}

}  // namespace samlt::core
