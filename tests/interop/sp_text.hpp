// SPDX-License-Identifier: Apache-2.0
// Reading an SP's own words: the entities of its error pages, its log lines, and a literal for the
// oracle's regular expressions. Written for the interop tests, apart from the runner's own reading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samlt::test::interop {

std::string decode_html(std::string_view text);  // entities HTML error pages use; others kept
std::string tidy(std::string_view text);          // blanks collapsed, trimmed
std::string regex_escape(std::string_view text);  // a literal for an ECMAScript regular expression
// A pattern for an SP's error text that another run's text matches too: its first 160 bytes (at a
// UTF-8 boundary), literal but for what changes from run to run (message IDs, hex tracking
// numbers, loopback ports, timestamps), which become classes.
std::string text_pattern(std::string_view text);
// The lines of `logs` that contain `needle` (views into `logs`).
std::vector<std::string_view> log_lines_with(const std::string& logs, std::string_view needle);

}  // namespace samlt::test::interop
