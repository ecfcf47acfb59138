// SPDX-License-Identifier: Apache-2.0
#include "validation/saml_read.hpp"

#include "samlt/core/saml_time.hpp"

#include <set>

namespace samlt::sp::read {

core::Result<std::optional<core::TimePoint>> optional_time(const xmlNode* element, std::string_view name) {
  auto value = core::attribute(element, name);
  if (!value) {
    return std::optional<core::TimePoint>();
  }
  auto at = core::parse_datetime(*value);
  if (!at) {
    return core::fail(core::Reason::time_unparseable,
                      std::string(core::local_name(element)) + "/@" + std::string(name) + ": " + at.error().detail);
  }
  return std::optional<core::TimePoint>(*at);
}

std::string text_of(const xmlNode* element) {
  if (element == nullptr) {
    return {};
  }
  return core::simple_text(element).value_or("");
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

core::Result<void> check_unique_ids(const xmlNode* root) {
  std::set<std::string> seen;
  const xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE) {
      for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
        std::string_view name = reinterpret_cast<const char*>(attr->name);
        if (name != "ID" && name != "Id" && name != "id") {
          continue;
        }
        xmlChar* value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(attr));
        std::string text = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
        if (!seen.insert(text).second) {
          return core::fail(core::Reason::xml_id_duplicated, "ID '" + text + "' is carried by two elements");
        }
      }
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
  return {};
}

}  // namespace samlt::sp::read
