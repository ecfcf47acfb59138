// SPDX-License-Identifier: Apache-2.0
// The SP's reason in its own words, found in what it answered: the target's reason_pattern, or
// default patterns for common SP stacks, each a regular expression with one capture group.
#pragma once

#include "samlt/runner/browser.hpp"
#include "samlt/runner/target.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::runner {

struct ReasonPattern {
  std::string_view stack;    // what it was written for: "Shibboleth SP 3", "JSON error field" …
  std::string_view pattern;  // ECMAScript, one capture group
};

// The default patterns, tried in order when the target gives none. Thread-safe.
std::span<const ReasonPattern> default_reason_patterns();

// The first capture of the target's pattern (or of the first default pattern that matches) in
// the bodies of `pages`, in order; HTML entities and surrounding whitespace are cleaned up and
// the text is cut at 300 characters. nullopt when nothing matches.
std::optional<std::string> find_sp_reason(const Target& target, const std::vector<HttpResponse>& pages);

}  // namespace samlt::runner
