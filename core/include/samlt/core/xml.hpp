// SPDX-License-Identifier: Apache-2.0
// The DOM is the model (style §6.1 rule 10): libxml2 documents, a hardened parser, Entra's compact
// serialisation, and a small set of helpers to read and build SAML shapes node by node.
#pragma once

#include "samlt/core/result.hpp"

#include <libxml/tree.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::core {

// Owns one libxml2 document. Move-only. Nodes handed out by the helpers below belong to it.
// Thread-safety: one document must not be used by two threads at once.
class XmlDoc {
 public:
  XmlDoc() = default;
  explicit XmlDoc(xmlDocPtr doc) : m_doc(doc) {}
  XmlDoc(XmlDoc&& other) noexcept : m_doc(other.m_doc) { other.m_doc = nullptr; }
  XmlDoc& operator=(XmlDoc&& other) noexcept;
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;
  ~XmlDoc();

  // A new document with no root.
  static XmlDoc create();

  xmlDoc* get() const { return m_doc; }
  xmlNode* root() const;
  explicit operator bool() const { return m_doc != nullptr; }

  // A deep copy (IDs are not registered in the copy).
  XmlDoc clone() const;

 private:
  xmlDocPtr m_doc = nullptr;
};

// Limits applied by parse_strict. The defaults suit a SAML message; metadata may need more bytes.
struct ParseLimits {
  std::size_t max_bytes = 2 * 1024 * 1024;
  std::size_t max_depth = 64;
};

// Parses untrusted XML the only way this project does (attack-catalogue §16): an explicit length,
// no network, no DTD (parsing stops at the DOCTYPE, so no entity is ever declared or expanded),
// no entity substitution, no recovery, namespace errors fatal, and no `xml:id` attribute (libxml2
// would register it as an ID unconditionally). A leading UTF-8 BOM is allowed.
// Fails with xml.too_large, xml.doctype_forbidden, xml.too_deep, xml.namespace_invalid,
// xml.id_forbidden or xml.malformed (detail: line and libxml2's message).
Result<XmlDoc> parse_strict(std::string_view bytes, const ParseLimits& limits = {});

// Serialises compactly as Entra does: no XML declaration, nothing added between elements,
// namespace declarations written after the element's other attributes, `/>` for empty elements.
std::string serialize(const XmlDoc& doc);
std::string serialize(const xmlNode* element);

// --- reading ---------------------------------------------------------------------------------
std::string_view local_name(const xmlNode* node);
std::string_view namespace_uri(const xmlNode* node);  // "" when none

// True when `node` is an element named {ns}local.
bool is_element(const xmlNode* node, std::string_view ns, std::string_view local);

// Element children only (text, comments and PIs skipped), in document order.
std::vector<xmlNode*> element_children(const xmlNode* parent);
std::vector<xmlNode*> children_named(const xmlNode* parent, std::string_view ns,
                                     std::string_view local);
// The first child named {ns}local, or nullptr.
xmlNode* child_named(const xmlNode* parent, std::string_view ns, std::string_view local);
xmlNode* first_element_child(const xmlNode* parent);
xmlNode* next_element_sibling(const xmlNode* node);

// Every descendant element named {ns}local (depth first, document order), `root` included.
std::vector<xmlNode*> descendants_named(const xmlNode* root, std::string_view ns,
                                        std::string_view local);

// The values of every ID-like attribute (`ID`, `Id` or `id`, in any namespace) on `root` and its
// descendants, in document order: what some verifier somewhere may treat as an ID (attack-catalogue
// XSW-ID-XMLID), for uniqueness checks.
std::vector<std::string> id_like_values(const xmlNode* root);

// The value of the un-namespaced attribute `name`, or nullopt when absent.
std::optional<std::string> attribute(const xmlNode* element, std::string_view name);

// The text of `element`: every direct text and CDATA child joined. Comments are skipped, so a
// comment inside a NameID cannot truncate it (attack-catalogue C14N-COMMENT-NAMEID). Returns
// nullopt when `element` has an element child (it is not a simple-content element).
std::optional<std::string> simple_text(const xmlNode* element);

// --- building --------------------------------------------------------------------------------
// Creates the document element {ns_uri}local with `prefix` ("" = default namespace) and declares
// that namespace on it.
xmlNode* make_root(XmlDoc& doc, std::string_view ns_uri, std::string_view prefix,
                   std::string_view local);

// Appends {ns_uri}local to `parent`. The namespace is declared on the new element unless an
// in-scope declaration already binds `prefix` to `ns_uri`. A non-empty `text` becomes its content.
xmlNode* append_element(xmlNode* parent, std::string_view ns_uri, std::string_view prefix,
                        std::string_view local, std::string_view text = {});

// The same, inserted right after `sibling` (which must have a parent).
xmlNode* insert_element_after(xmlNode* sibling, std::string_view ns_uri, std::string_view prefix,
                              std::string_view local, std::string_view text = {});

// Sets an un-namespaced attribute; a new one goes last, an existing one keeps its position.
void set_attribute(xmlNode* element, std::string_view name, std::string_view value);
// Sets a namespaced attribute such as xsi:type, declaring the namespace on `element` if needed.
void set_attribute_ns(xmlNode* element, std::string_view ns_uri, std::string_view prefix,
                      std::string_view name, std::string_view value);
// Removes an un-namespaced attribute; no-op when absent.
void remove_attribute(xmlNode* element, std::string_view name);
// Replaces all content of `element` with one text node.
void set_text(xmlNode* element, std::string_view text);
// Unlinks and frees `node` and its subtree.
void remove_node(xmlNode* node);

}  // namespace samlt::core
