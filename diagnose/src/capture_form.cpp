// SPDX-License-Identifier: Apache-2.0
// One HTTP request's parts into a CapturedMessage, and the SAML auto-POST forms of an HTML page.
#include "capture_internal.hpp"

#include "samlt/core/xml.hpp"

#include <algorithm>
#include <cctype>

namespace samlt::diagnose::detail {
namespace {

bool has_saml_field(const core::FormFields& fields) {
  return std::any_of(fields.begin(), fields.end(), [](const core::FormField& field) {
    return field.first == "SAMLResponse" || field.first == "SAMLRequest";
  });
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// HTML character references in an attribute value (HTML Living Standard §13.2.5.72, the common
// cases: the five named ones and numeric references).
std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    std::size_t end = text.find(';', i);
    if (end == std::string_view::npos || end - i > 10) {
      out += text[i];
      continue;
    }
    std::string_view name = text.substr(i + 1, end - i - 1);
    unsigned long code = 0;
    bool known = true;
    if (name == "amp") {
      code = '&';
    } else if (name == "lt") {
      code = '<';
    } else if (name == "gt") {
      code = '>';
    } else if (name == "quot") {
      code = '"';
    } else if (name == "apos") {
      code = '\'';
    } else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      known = !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](unsigned char c) {
        return hex ? std::isxdigit(c) != 0 : std::isdigit(c) != 0;
      });
      code = known ? std::stoul(digits, nullptr, hex ? 16 : 10) : 0;
      known = known && code > 0 && code < 0x80;  // base64 and URLs are ASCII
    } else {
      known = false;
    }
    if (!known) {
      out += text[i];
      continue;
    }
    out += static_cast<char>(code);
    i = end;
  }
  return out;
}

// The attributes of the tag starting at `at` ('<' of "<input" or "<form"), lower-cased names.
std::vector<std::pair<std::string, std::string>> tag_attributes(std::string_view html, std::size_t at,
                                                                std::size_t& end) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = html.find_first_of(" \t\r\n/>", at + 1);
  while (i < html.size() && html[i] != '>') {
    while (i < html.size() && (std::isspace(static_cast<unsigned char>(html[i])) || html[i] == '/')) {
      ++i;
    }
    std::size_t name_start = i;
    while (i < html.size() && html[i] != '=' && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) {
      ++i;
    }
    std::string name = lower(html.substr(name_start, i - name_start));
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      char quote = i < html.size() ? html[i] : '\0';
      if (quote == '"' || quote == '\'') {
        std::size_t close = html.find(quote, i + 1);
        if (close == std::string_view::npos) {
          break;
        }
        value = decode_entities(html.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        std::size_t value_start = i;
        while (i < html.size() && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) {
          ++i;
        }
        value = decode_entities(html.substr(value_start, i - value_start));
      }
    }
    if (!name.empty()) {
      out.emplace_back(std::move(name), std::move(value));
    }
  }
  end = i;
  return out;
}

std::string attribute_value(const std::vector<std::pair<std::string, std::string>>& attributes,
                            std::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

}  // namespace

core::BindingLimits capture_limits() {
  return {k_max_capture_bytes, k_max_capture_bytes, k_max_capture_bytes, k_max_capture_bytes};
}

MessageKind kind_of(std::string_view xml) {
  auto doc = core::parse_strict(xml);
  if (!doc) {
    return MessageKind::other;
  }
  std::string_view name = core::local_name(doc->root());
  if (name == "Response") {
    return MessageKind::response;
  }
  if (name == "AuthnRequest") {
    return MessageKind::authn_request;
  }
  if (name == "LogoutRequest") {
    return MessageKind::logout_request;
  }
  if (name == "LogoutResponse") {
    return MessageKind::logout_response;
  }
  return MessageKind::other;
}

std::optional<CapturedMessage> from_post_body(std::string_view body, std::string_view content_type,
                                              std::string source, std::string* why) {
  auto fields = core::parse_form(body);
  if (!fields || !has_saml_field(*fields)) {
    if (why != nullptr) {
      *why = fields ? "no SAMLResponse or SAMLRequest field" : fields.error().detail;
    }
    return std::nullopt;
  }
  auto message = core::decode_post(body, core::Accepts::either, capture_limits());
  CapturedMessage out;
  out.source = std::move(source);
  out.method = "POST";
  out.content_type = std::string(content_type);
  out.body = std::string(body);
  if (message) {
    out.kind = kind_of(message->xml());
    out.message = std::move(*message);
  } else if (why != nullptr) {
    *why = std::string(core::id(message.error().reason)) + ": " + message.error().detail;
  }
  // A message the codec refused is still a capture: for a Response the ACS's binding step names
  // what is wrong with it.
  if (!out.message && std::none_of(fields->begin(), fields->end(), [](const core::FormField& field) {
        return field.first == "SAMLResponse";
      })) {
    return std::nullopt;
  }
  if (!out.message) {
    out.kind = MessageKind::response;
  }
  return out;
}

std::optional<CapturedMessage> from_query(std::string_view query, std::string source, std::string* why) {
  auto fields = core::parse_form(query);
  if (!fields || !has_saml_field(*fields)) {
    if (why != nullptr) {
      *why = fields ? "no SAMLResponse or SAMLRequest parameter" : fields.error().detail;
    }
    return std::nullopt;
  }
  auto message = core::decode_redirect(query, core::Accepts::either, capture_limits());
  if (!message) {
    if (why != nullptr) {
      *why = std::string(core::id(message.error().reason)) + ": " + message.error().detail;
    }
    return std::nullopt;
  }
  CapturedMessage out;
  out.source = std::move(source);
  out.method = "GET";
  out.raw_query = std::string(query);
  out.kind = kind_of(message->xml());
  out.message = std::move(*message);
  return out;
}

std::optional<std::string_view> query_of(std::string_view url) {
  std::size_t question = url.find('?');
  if (question == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view query = url.substr(question + 1);
  return query.substr(0, query.find('#'));
}

std::vector<HtmlForm> saml_forms(std::string_view html) {
  std::vector<HtmlForm> forms;
  std::string folded = lower(html);
  HtmlForm current;
  bool in_form = false;
  auto close = [&] {
    if (has_saml_field(current.fields)) {
      forms.push_back(std::move(current));
    }
    current = {};
  };
  for (std::size_t i = folded.find('<'); i != std::string::npos; i = folded.find('<', i + 1)) {
    if (folded.compare(i, 5, "<form") == 0) {
      if (in_form) {
        close();
      }
      std::size_t end = i;
      current.action = attribute_value(tag_attributes(html, i, end), "action");
      in_form = true;
    } else if (folded.compare(i, 6, "<input") == 0) {
      std::size_t end = i;
      auto attributes = tag_attributes(html, i, end);
      std::string name = attribute_value(attributes, "name");
      if (!name.empty()) {
        current.fields.emplace_back(name, attribute_value(attributes, "value"));
      }
    } else if (folded.compare(i, 7, "</form>") == 0 && in_form) {
      close();
      in_form = false;
    }
  }
  if (in_form) {
    close();
  }
  return forms;
}

}  // namespace samlt::diagnose::detail
