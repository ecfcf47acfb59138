// SPDX-License-Identifier: Apache-2.0
#include "sp_reason.hpp"

#include <cstdlib>
#include <regex>

namespace samlt::runner {
namespace {

// Each row was checked against that stack's real error output (tests/data/sp_pages/, captured from
// the interop SPs of tests/interop/).
constexpr ReasonPattern k_patterns[] = {
    // Shibboleth SP 3 (sessionError.html and friends): the exception's class in <p class="error">,
    // then its message in the next paragraph.
    {"Shibboleth SP 3", R"re(<p class="error">[^<]*</p>\s*<p>([^<]+)</p>)re"},
    // SimpleSAMLphp 1.x with debug output: the exception behind UNHANDLEDEXCEPTION.
    {"SimpleSAMLphp", R"re(Caused by: [\w\\]+: ([^\n<]+))re"},
    // SimpleSAMLphp 1.x's own error pages (Error\BadRequest and friends): "The reason was: …".
    {"SimpleSAMLphp error page", R"re(The reason was: ([^\n<]+?)\s*<)re"},
    {"JSON error field", R"re("(?:error|error_description|message|detail)"\s*:\s*"((?:[^"\\]|\\.)+)")re"},
};

// Named entities HTML pages use most, and numeric ones below U+0080 (Shibboleth writes ':' as
// &#58;); anything else is left as written.
std::string decode_entities(const std::string& text) {
  static const std::pair<std::string_view, char> k_named[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    auto end = text.find(';', i);
    if (end == std::string::npos || end - i > 8) {
      out += text[i];
      continue;
    }
    std::string_view entity(text.data() + i, end - i + 1);
    char plain = 0;
    for (const auto& [name, c] : k_named) {
      plain = entity == name ? c : plain;
    }
    if (plain == 0 && entity.size() > 3 && entity[1] == '#') {
      bool hex = entity[2] == 'x' || entity[2] == 'X';
      long code = std::strtol(std::string(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3))).c_str(), nullptr,
                              hex ? 16 : 10);
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

std::string tidy(const std::string& raw) {
  std::string text = decode_entities(raw);
  std::string out;
  bool space = false;
  for (char c : text) {
    bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (blank) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  constexpr std::size_t k_max = 300;
  if (out.size() > k_max) {
    out = out.substr(0, k_max) + "…";
  }
  return out;
}

std::optional<std::string> first_capture(const std::regex& re, const std::vector<HttpResponse>& pages) {
  for (const auto& page : pages) {
    std::smatch match;
    if (std::regex_search(page.body, match, re) && match.size() > 1 && match[1].matched) {
      std::string text = tidy(match[1].str());
      if (!text.empty()) {
        return text;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::span<const ReasonPattern> default_reason_patterns() { return k_patterns; }

std::optional<std::string> find_sp_reason(const Target& target, const std::vector<HttpResponse>& pages) {
  if (target.reason_pattern) {
    return first_capture(make_pattern(*target.reason_pattern), pages);
  }
  for (const auto& row : k_patterns) {
    if (auto found = first_capture(make_pattern(std::string(row.pattern)), pages)) {
      return found;
    }
  }
  return std::nullopt;
}

}  // namespace samlt::runner
