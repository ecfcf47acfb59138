// SPDX-License-Identifier: Apache-2.0
// Strict reading of configuration, scenario and target JSON. Each object is read through an ObjectReader that records
// which keys the reader asked for and, in finish(), refuses every other key. Every error throws
// core::Fatal("<source>: <json pointer>: <expected>"); library entry points that must return a
// Result catch it at their boundary.
#pragma once

#include "samlt/core/result.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samlt::core::json {

[[noreturn]] void config_fail(std::string_view source, std::string_view pointer,
                              std::string_view expected);

// `pointer` + "/" + `token` with RFC 6901 escaping (~0, ~1).
std::string child_pointer(std::string_view pointer, std::string_view token);
std::string child_pointer(std::string_view pointer, std::size_t index);

bool is_lower_guid(std::string_view text);

class ObjectReader {
 public:
  // REQUIRES: `json` outlives the reader. Throws unless `json` is an object.
  ObjectReader(const nlohmann::json& json, std::string pointer, std::string_view source);

  const std::string& pointer() const { return m_pointer; }
  std::string pointer(std::string_view key) const { return child_pointer(m_pointer, key); }
  std::string_view source() const { return m_source; }
  [[noreturn]] void fail(std::string_view key, std::string_view expected) const;

  bool has(std::string_view key);
  // nullptr when absent. Marks the key as known.
  const nlohmann::json* find(std::string_view key);

  std::string string(std::string_view key);  // required, non-empty
  std::optional<std::string> optional_string(std::string_view key);  // non-empty when present
  std::string string_or(std::string_view key, std::string fallback);  // absent or null: fallback
  std::string guid(std::string_view key);  // required lower-case GUID
  bool boolean_or(std::string_view key, bool fallback);
  long long integer_or(std::string_view key, long long fallback, long long min, long long max);
  std::vector<std::string> strings(std::string_view key);  // absent: empty
  std::vector<std::string> strings_or(std::string_view key, std::vector<std::string> fallback);
  double number_or(std::string_view key, double fallback, double min, double max);

  template <class E>
  E choice_or(std::string_view key, std::initializer_list<std::pair<std::string_view, E>> options,
              E fallback) {
    const nlohmann::json* value = find(key);
    if (value == nullptr) {
      return fallback;
    }
    std::string names;
    for (const auto& [name, choice] : options) {
      if (value->is_string() && value->get<std::string>() == name) {
        return choice;
      }
      names += (names.empty() ? "" : ", ") + std::string("\"") + std::string(name) + "\"";
    }
    fail(key, "one of " + names);
  }

  // Throws for any key no getter asked for ("$comment" is always allowed).
  void finish() const;

 private:
  const nlohmann::json& m_json;
  std::string m_pointer;
  std::string m_source;
  std::vector<std::string> m_known;
};

// `path` resolved against `base_dir` when relative.
std::filesystem::path resolve_path(const std::filesystem::path& base_dir, std::string_view path);

// Parses `text` as JSON; a syntax error throws core::Fatal naming `source` and the byte offset.
nlohmann::json parse_or_fail(std::string_view text, std::string_view source);

// Reads and parses the JSON file `file`; throws core::Fatal ("<file>: /: a readable file (…)" or
// the syntax error) — the first step of loading every configuration, scenario and target file.
nlohmann::json read_json_file(const std::filesystem::path& file);

}  // namespace samlt::core::json
