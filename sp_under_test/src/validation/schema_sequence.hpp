// SPDX-License-Identifier: Apache-2.0
// The one schema rule the structure steps apply: element children in the order, and no more often
// than, an XSD sequence allows (minimum counts are left to the steps that name each missing part).
#pragma once

#include "samlt/core/xml.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace samlt::sp::schema {

struct Name {
  std::string_view ns;
  std::string_view local;
};

// One member of a sequence: an element named by one of `names`, at most `max` times (0: unbounded).
struct Particle {
  std::span<const Name> names;
  int max = 1;
};

// nullopt when the element children of `parent` follow `sequence` (each child matches the current
// particle or a later one, never more often than its max) and `parent` holds no text other than
// whitespace between them; otherwise what broke the rule, naming the element, for the detail.
// Comments and processing instructions are allowed (XML Schema ignores them).
std::optional<std::string> sequence_violation(const xmlNode* parent, std::span<const Particle> sequence);

}  // namespace samlt::sp::schema
