// SPDX-License-Identifier: Apache-2.0
#include "sp_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <regex>

namespace samlt::test::interop {

std::string decode_html(std::string_view text) {
  static const std::pair<std::string_view, char> k_named[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (end == std::string_view::npos || end - i > 8) {
      out += text[i];
      continue;
    }
    auto entity = text.substr(i, end - i + 1);
    char plain = 0;
    for (const auto& [name, c] : k_named) {
      plain = entity == name ? c : plain;
    }
    if (plain == 0 && entity.size() > 3 && entity[1] == '#') {
      bool hex = entity[2] == 'x';
      long code = std::strtol(std::string(entity.substr(hex ? 3 : 2)).c_str(), nullptr, hex ? 16 : 10);
      plain = code > 0 && code < 0x80 ? static_cast<char>(code) : 0;
    }
    if (plain == 0) {
      out += text[i];
      continue;
    }
    out += plain;
    i = end;
  }
  return out;
}

std::string tidy(std::string_view text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      blank = !out.empty();
      continue;
    }
    if (blank) {
      out += ' ';
      blank = false;
    }
    out += c;
  }
  return out;
}

std::string regex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string text_pattern(std::string_view text) {
  std::size_t cut = std::min<std::size_t>(text.size(), 160);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  std::string head(text);  // a token that starts before the cut is kept whole
  // Each alternative, and the class that stands for it.
  static const std::pair<const char*, const char*> k_volatile[] = {
      {"_[0-9a-fA-F][-0-9a-fA-F]{15,}", "_[-0-9a-fA-F]+"},                      // an ID
      {"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[-0-9a-f]{36}"},  // a tenant
      {"\\bid-[A-Za-z0-9]{17}\\b", "id-[A-Za-z0-9]{17}"},                       // pysaml2's request IDs
      {"\\b[0-9a-f]{8,}\\b", "[0-9a-f]+"},                                   // a tracking number
      {"127\\.0\\.0\\.1:[0-9]+", "127\\.0\\.0\\.1:[0-9]+"},
      {"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?", "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?"},
      {"\\b0x[0-9a-f]+\\b", "0x[0-9a-f]+"},                                  // a byte in a decoder's error
      {"\\bposition [0-9]+", "position [0-9]+"},
  };
  static const std::regex volatile_part([] {
    std::string any;
    for (const auto& [raw, unused] : k_volatile) {
      any += (any.empty() ? "(" : "|(") + std::string(raw) + ")";
    }
    return std::regex(any);
  }());
  std::string out;
  std::size_t at = 0;
  for (auto it = std::sregex_iterator(head.begin(), head.end(), volatile_part); it != std::sregex_iterator(); ++it) {
    if (static_cast<std::size_t>(it->position()) >= cut) {
      break;
    }
    out += regex_escape(std::string_view(head).substr(at, static_cast<std::size_t>(it->position()) - at));
    for (std::size_t k = 0; k < std::size(k_volatile); ++k) {
      if ((*it)[k + 1].matched) {
        out += k_volatile[k].second;
        break;
      }
    }
    at = static_cast<std::size_t>(it->position() + it->length());
  }
  return at >= cut ? out : out + regex_escape(std::string_view(head).substr(at, cut - at));
}

std::vector<std::string_view> log_lines_with(const std::string& logs, std::string_view needle) {
  std::vector<std::string_view> lines;
  std::string_view all(logs);
  for (auto at = all.find(needle); at != std::string_view::npos;) {
    auto begin = all.rfind('\n', at);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    auto end = all.find('\n', at);
    end = end == std::string_view::npos ? all.size() : end;
    lines.push_back(all.substr(begin, end - begin));
    at = all.find(needle, end);
  }
  return lines;
}

}  // namespace samlt::test::interop
