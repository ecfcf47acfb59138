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
  for (auto& value : core::id_like_values(root)) {
    if (!seen.insert(value).second) {
      return core::fail(core::Reason::xml_id_duplicated, "ID '" + value + "' is carried by two elements");
    }
  }
  return {};
}

}  // namespace samlt::sp::read
