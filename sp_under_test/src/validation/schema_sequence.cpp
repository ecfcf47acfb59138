// SPDX-License-Identifier: Apache-2.0
#include "validation/schema_sequence.hpp"

#include "validation/saml_read.hpp"

namespace samlt::sp::schema {
namespace {

bool matches(const xmlNode* node, const Particle& particle) {
  for (const Name& name : particle.names) {
    if (core::is_element(node, name.ns, name.local)) {
      return true;
    }
  }
  return false;
}

std::string describe(const xmlNode* node) {
  return "{" + std::string(core::namespace_uri(node)) + "}" + std::string(core::local_name(node));
}

}  // namespace

std::optional<std::string> sequence_violation(const xmlNode* parent, std::span<const Particle> sequence) {
  std::size_t at = 0;
  int count = 0;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      const char* text = reinterpret_cast<const char*>(child->content);
      if (text != nullptr && !read::is_blank(text)) {
        return "text content between the children of " + describe(parent);
      }
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) {
      continue;
    }
    std::size_t found = at;
    while (found < sequence.size() && !matches(child, sequence[found])) {
      ++found;
    }
    if (found == sequence.size()) {
      return describe(child) + " is not allowed here in " + describe(parent) + " (unknown element or wrong order)";
    }
    count = found == at ? count + 1 : 1;
    at = found;
    if (sequence[at].max != 0 && count > sequence[at].max) {
      return describe(child) + " appears more often than " + describe(parent) + " allows";
    }
  }
  return std::nullopt;
}

}  // namespace samlt::sp::schema
