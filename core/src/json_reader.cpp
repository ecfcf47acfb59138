// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/json_reader.hpp"

#include "samlt/core/fs.hpp"

#include <algorithm>

namespace samlt::core::json {

void config_fail(std::string_view source, std::string_view pointer, std::string_view expected) {
  std::string where = pointer.empty() ? "/" : std::string(pointer);
  throw Fatal(std::string(source) + ": " + where + ": " + std::string(expected));
}

std::string child_pointer(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_pointer(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + "/" + std::to_string(index);
}

bool is_lower_guid(std::string_view text) {
  if (text.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

ObjectReader::ObjectReader(const nlohmann::json& json, std::string pointer, std::string_view source)
    : m_json(json), m_pointer(std::move(pointer)), m_source(source) {
  if (!m_json.is_object()) {
    config_fail(m_source, m_pointer, "an object");
  }
}

void ObjectReader::fail(std::string_view key, std::string_view expected) const {
  config_fail(m_source, pointer(key), expected);
}

bool ObjectReader::has(std::string_view key) { return find(key) != nullptr; }

const nlohmann::json* ObjectReader::find(std::string_view key) {
  if (std::find(m_known.begin(), m_known.end(), key) == m_known.end()) {
    m_known.emplace_back(key);
  }
  auto it = m_json.find(std::string(key));
  return it == m_json.end() ? nullptr : &*it;
}

std::string ObjectReader::string(std::string_view key) {
  const nlohmann::json* value = find(key);
  if (value == nullptr || !value->is_string() || value->get<std::string>().empty()) {
    fail(key, "a non-empty string");
  }
  return value->get<std::string>();
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key) {
  if (!has(key)) {
    return std::nullopt;
  }
  return string(key);
}

std::string ObjectReader::string_or(std::string_view key, std::string fallback) {
  const nlohmann::json* value = find(key);
  if (value == nullptr || value->is_null()) {
    return fallback;
  }
  if (!value->is_string()) {
    fail(key, "a string");
  }
  return value->get<std::string>();
}

std::string ObjectReader::guid(std::string_view key) {
  std::string text = string(key);
  if (!is_lower_guid(text)) {
    fail(key, "a lower-case GUID (8-4-4-4-12 hex digits)");
  }
  return text;
}

bool ObjectReader::boolean_or(std::string_view key, bool fallback) {
  const nlohmann::json* value = find(key);
  if (value == nullptr) {
    return fallback;
  }
  if (!value->is_boolean()) {
    fail(key, "true or false");
  }
  return value->get<bool>();
}

long long ObjectReader::integer_or(std::string_view key, long long fallback, long long min,
                                   long long max) {
  const nlohmann::json* value = find(key);
  if (value == nullptr) {
    return fallback;
  }
  if (!value->is_number_integer() || value->get<long long>() < min || value->get<long long>() > max) {
    fail(key, "an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value->get<long long>();
}

std::vector<std::string> ObjectReader::strings(std::string_view key) {
  std::vector<std::string> out;
  const nlohmann::json* value = find(key);
  if (value == nullptr) {
    return out;
  }
  if (!value->is_array()) {
    fail(key, "an array of strings");
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string() || (*value)[i].get<std::string>().empty()) {
      config_fail(m_source, child_pointer(pointer(key), i), "a non-empty string");
    }
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
}

std::vector<std::string> ObjectReader::strings_or(std::string_view key, std::vector<std::string> fallback) {
  return find(key) == nullptr ? fallback : strings(key);
}

double ObjectReader::number_or(std::string_view key, double fallback, double min, double max) {
  const nlohmann::json* value = find(key);
  if (value == nullptr) {
    return fallback;
  }
  if (!value->is_number() || value->get<double>() < min || value->get<double>() > max) {
    fail(key, "a number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value->get<double>();
}

void ObjectReader::finish() const {
  for (const auto& [key, value] : m_json.items()) {
    if (key == "$comment" ||
        std::find(m_known.begin(), m_known.end(), key) != m_known.end()) {
      continue;
    }
    std::string known;
    for (const auto& name : m_known) {
      known += (known.empty() ? "" : ", ") + name;
    }
    fail(key, "no such key here (known keys: " + known + ")");
  }
}

std::filesystem::path resolve_path(const std::filesystem::path& base_dir, std::string_view path) {
  std::filesystem::path p{std::string(path)};
  return (p.is_relative() ? base_dir / p : p).lexically_normal();
}

nlohmann::json parse_or_fail(std::string_view text, std::string_view source) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Fatal(std::string(source) + ": byte " + std::to_string(e.byte) + ": well-formed JSON (" +
                e.what() + ")");
  }
}

nlohmann::json read_json_file(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text) {
    config_fail(file.string(), "", "a readable file (" + text.error().detail + ")");
  }
  return parse_or_fail(*text, file.string());
}

}  // namespace samlt::core::json
