// SPDX-License-Identifier: Apache-2.0
// Text made safe to place in XML or HTML: report values quote raw input (a corrupted Response, a
// socket error) and must not make the report unreadable.
#pragma once

#include <string>
#include <string_view>

namespace samlt::reports {

// `text` as valid UTF-8 holding only characters XML 1.0 allows (§2.2 Char: tab, LF, CR,
// U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF). Each forbidden character and each byte of an
// invalid UTF-8 sequence becomes U+FFFD. Escaping is the caller's job.
std::string to_markup_text(std::string_view text);

// to_markup_text, then HTML-escaped (&, <, >, ", ') for element content and quoted attributes.
std::string escape_html(std::string_view text);

}  // namespace samlt::reports
