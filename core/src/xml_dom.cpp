// SPDX-License-Identifier: Apache-2.0
// XmlDoc and the DOM helpers used to read and build SAML messages.
#include "samlt/core/xml.hpp"

#include <string>

namespace samlt::core {
namespace {

const xmlChar* x(std::string_view text) { return reinterpret_cast<const xmlChar*>(text.data()); }

std::string_view view(const xmlChar* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// The namespace `prefix`→`ns_uri` in scope at `element`, declared on it when missing.
xmlNs* bind_namespace(xmlNode* element, std::string_view ns_uri, std::string_view prefix) {
  std::string uri(ns_uri);
  std::string pfx(prefix);
  const xmlChar* prefix_arg = pfx.empty() ? nullptr : x(pfx);
  xmlNs* found = xmlSearchNs(element->doc, element, prefix_arg);
  if (found != nullptr && xmlStrEqual(found->href, x(uri))) {
    return found;
  }
  return xmlNewNs(element, x(uri), prefix_arg);
}

xmlNode* new_element(xmlDoc* doc, std::string_view local, std::string_view text) {
  std::string name(local);
  xmlNode* node = xmlNewDocNode(doc, nullptr, x(name), nullptr);
  if (!text.empty()) {
    std::string content(text);
    xmlAddChild(node, xmlNewDocText(doc, x(content)));
  }
  return node;
}

// Every element of the subtree, `root` first, in document order. Iterative: no recursion depth
// to exhaust, whatever the nesting.
std::vector<xmlNode*> descendants_of(const xmlNode* root) {
  std::vector<xmlNode*> out;
  const xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE) {
      out.push_back(const_cast<xmlNode*>(node));
      if (node->children != nullptr) {
        node = node->children;
        continue;
      }
    }
    while (node != nullptr && node != root && node->next == nullptr) {
      node = node->parent;
    }
    node = (node == nullptr || node == root) ? nullptr : node->next;
  }
  return out;
}

}  // namespace

XmlDoc& XmlDoc::operator=(XmlDoc&& other) noexcept {
  if (this != &other) {
    if (m_doc != nullptr) {
      xmlFreeDoc(m_doc);
    }
    m_doc = other.m_doc;
    other.m_doc = nullptr;
  }
  return *this;
}

XmlDoc::~XmlDoc() {
  if (m_doc != nullptr) {
    xmlFreeDoc(m_doc);
  }
}

XmlDoc XmlDoc::create() { return XmlDoc(xmlNewDoc(BAD_CAST "1.0")); }

xmlNode* XmlDoc::root() const { return m_doc ? xmlDocGetRootElement(m_doc) : nullptr; }

XmlDoc XmlDoc::clone() const { return XmlDoc(m_doc ? xmlCopyDoc(m_doc, 1) : nullptr); }

std::string_view local_name(const xmlNode* node) { return node ? view(node->name) : ""; }

std::string_view namespace_uri(const xmlNode* node) {
  return node && node->ns ? view(node->ns->href) : "";
}

bool is_element(const xmlNode* node, std::string_view ns, std::string_view local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && local_name(node) == local &&
         namespace_uri(node) == ns;
}

xmlNode* first_element_child(const xmlNode* parent) {
  for (xmlNode* child = parent ? parent->children : nullptr; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      return child;
    }
  }
  return nullptr;
}

xmlNode* next_element_sibling(const xmlNode* node) {
  for (xmlNode* next = node ? node->next : nullptr; next; next = next->next) {
    if (next->type == XML_ELEMENT_NODE) {
      return next;
    }
  }
  return nullptr;
}

std::vector<xmlNode*> element_children(const xmlNode* parent) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = first_element_child(parent); child; child = next_element_sibling(child)) {
    out.push_back(child);
  }
  return out;
}

std::vector<xmlNode*> children_named(const xmlNode* parent, std::string_view ns,
                                     std::string_view local) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = first_element_child(parent); child; child = next_element_sibling(child)) {
    if (is_element(child, ns, local)) {
      out.push_back(child);
    }
  }
  return out;
}

xmlNode* child_named(const xmlNode* parent, std::string_view ns, std::string_view local) {
  for (xmlNode* child = first_element_child(parent); child; child = next_element_sibling(child)) {
    if (is_element(child, ns, local)) {
      return child;
    }
  }
  return nullptr;
}

std::vector<xmlNode*> descendants_named(const xmlNode* root, std::string_view ns,
                                        std::string_view local) {
  std::vector<xmlNode*> out;
  for (xmlNode* element : descendants_of(root)) {
    if (is_element(element, ns, local)) {
      out.push_back(element);
    }
  }
  return out;
}

std::vector<std::string> id_like_values(const xmlNode* root) {
  std::vector<std::string> values;
  for (xmlNode* element : descendants_of(root)) {
    for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
      std::string_view name = view(attr->name);
      if (name == "ID" || name == "Id" || name == "id") {
        xmlChar* text = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(attr));
        values.emplace_back(view(text));
        xmlFree(text);
      }
    }
  }
  return values;
}

std::optional<std::string> attribute(const xmlNode* element, std::string_view name) {
  if (element == nullptr || element->type != XML_ELEMENT_NODE) {
    return std::nullopt;
  }
  std::string key(name);
  xmlAttr* attr = xmlHasNsProp(element, x(key), nullptr);
  if (attr == nullptr || attr->ns != nullptr) {
    return std::nullopt;
  }
  xmlChar* value = xmlNodeGetContent(reinterpret_cast<xmlNode*>(attr));
  std::string out(view(value));
  xmlFree(value);
  return out;
}

std::optional<std::string> simple_text(const xmlNode* element) {
  if (element == nullptr) {
    return std::nullopt;
  }
  std::string out;
  for (const xmlNode* child = element->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      out += view(child->content);
    } else if (child->type == XML_ELEMENT_NODE || child->type == XML_ENTITY_REF_NODE) {
      return std::nullopt;
    }
  }
  return out;
}

xmlNode* make_root(XmlDoc& doc, std::string_view ns_uri, std::string_view prefix,
                   std::string_view local) {
  xmlNode* root = new_element(doc.get(), local, {});
  xmlDocSetRootElement(doc.get(), root);
  xmlSetNs(root, bind_namespace(root, ns_uri, prefix));
  return root;
}

xmlNode* append_element(xmlNode* parent, std::string_view ns_uri, std::string_view prefix,
                        std::string_view local, std::string_view text) {
  xmlNode* node = xmlAddChild(parent, new_element(parent->doc, local, text));
  xmlSetNs(node, bind_namespace(node, ns_uri, prefix));
  return node;
}

xmlNode* insert_element_after(xmlNode* sibling, std::string_view ns_uri, std::string_view prefix,
                              std::string_view local, std::string_view text) {
  xmlNode* node = xmlAddNextSibling(sibling, new_element(sibling->doc, local, text));
  xmlSetNs(node, bind_namespace(node, ns_uri, prefix));
  return node;
}

void set_attribute(xmlNode* element, std::string_view name, std::string_view value) {
  std::string key(name);
  std::string val(value);
  xmlSetNsProp(element, nullptr, x(key), x(val));
}

void set_attribute_ns(xmlNode* element, std::string_view ns_uri, std::string_view prefix,
                      std::string_view name, std::string_view value) {
  std::string key(name);
  std::string val(value);
  xmlSetNsProp(element, bind_namespace(element, ns_uri, prefix), x(key), x(val));
}

void remove_attribute(xmlNode* element, std::string_view name) {
  std::string key(name);
  xmlAttr* attr = xmlHasNsProp(element, x(key), nullptr);
  if (attr != nullptr && attr->ns == nullptr) {
    xmlRemoveProp(attr);
  }
}

void set_text(xmlNode* element, std::string_view text) {
  while (element->children != nullptr) {
    remove_node(element->children);
  }
  std::string content(text);
  xmlAddChild(element, xmlNewDocText(element->doc, x(content)));
}

void remove_node(xmlNode* node) {
  xmlUnlinkNode(node);
  xmlFreeNode(node);
}

}  // namespace samlt::core
