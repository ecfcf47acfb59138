// SPDX-License-Identifier: Apache-2.0
#include "markup_text.hpp"

#include "samlt/core/codec.hpp"

#include <cstddef>
#include <cstdint>

namespace samlt::reports {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// XML 1.0 §2.2 Char. Surrogates never reach here: decode() refuses them.
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Decodes one UTF-8 sequence at text[pos]. Returns its length and sets `code`, or returns 0 when
// the sequence is invalid (truncated, overlong, a surrogate, or beyond U+10FFFF: RFC 3629 §3).
std::size_t decode(std::string_view text, std::size_t pos, std::uint32_t& code) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
    code = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
    code = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (pos + length > text.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) {
      return 0;
    }
    code = (code << 6) | (next & 0x3Fu);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return length;
}

}  // namespace

std::string to_markup_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::uint32_t code = 0;
    const std::size_t length = decode(text, pos, code);
    if (length == 0) {
      // Replace one byte and resynchronise on the next: a truncated sequence must not swallow
      // the valid characters after it.
      out += k_replacement;
      ++pos;
      continue;
    }
    if (is_xml_char(code)) {
      out.append(text.substr(pos, length));
    } else {
      out += k_replacement;
    }
    pos += length;
  }
  return out;
}

std::string escape_html(std::string_view text) {
  return core::html_escape(to_markup_text(text));
}

}  // namespace samlt::reports
