// SPDX-License-Identifier: Apache-2.0
// --redact: learning a capture's personal values, then replacing them and the shapes personal
// data has (emails, GUIDs, IPv4 addresses, JWTs) in every output.
#include "samlt/diagnose/redaction.hpp"

#include "samlt/core/codec.hpp"
#include "samlt/core/xml.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>

namespace samlt::diagnose {
namespace {

constexpr std::string_view k_email_domain = "@redacted.invalid";
constexpr std::string_view k_guid_prefix = "00000000-0000-4000-8000-";
constexpr std::string_view k_ip_prefix = "192.0.2.";
constexpr std::size_t k_min_encoded = 24;                 // shorter runs are no SAML message
constexpr std::size_t k_max_inflated = 4 * 1024 * 1024;  // an inflate bomb is left encoded

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_local_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-';
}
bool is_base64url(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}
bool is_encoded_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '%';
}

bool is_uri(std::string_view value) {
  return value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0 || value.rfind("urn:", 0) == 0;
}

// The length of a GUID at `at` (36), or 0.
std::size_t guid_at(std::string_view text, std::size_t at) {
  if (at + 36 > text.size() || (at > 0 && is_hex(text[at - 1])) || (at + 36 < text.size() && is_hex(text[at + 36]))) {
    return 0;
  }
  for (std::size_t i = 0; i < 36; ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[at + i] != '-' : !is_hex(text[at + i])) {
      return 0;
    }
  }
  return 36;
}

// The length of an IPv4 address at `at`, or 0. Not part of a longer dotted number (an OID).
std::size_t ipv4_at(std::string_view text, std::size_t at) {
  if (at > 0 && (is_digit(text[at - 1]) || text[at - 1] == '.')) {
    return 0;
  }
  std::size_t i = at;
  for (int part = 0; part < 4; ++part) {
    std::size_t start = i;
    int value = 0;
    while (i < text.size() && is_digit(text[i]) && i - start < 3) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    if (i == start || value > 255) {
      return 0;
    }
    if (part < 3) {
      if (i >= text.size() || text[i] != '.') {
        return 0;
      }
      ++i;
    }
  }
  if (i < text.size() && (is_digit(text[i]) || (text[i] == '.' && i + 1 < text.size() && is_digit(text[i + 1])))) {
    return 0;
  }
  return i - at;
}

// The length of a JWT (three base64url parts, the header's "{"" as "eyJ") at `at`, or 0.
std::size_t jwt_at(std::string_view text, std::size_t at) {
  if (text.compare(at, 3, "eyJ") != 0 || (at > 0 && is_base64url(text[at - 1]))) {
    return 0;
  }
  std::size_t i = at;
  for (int part = 0; part < 3; ++part) {
    std::size_t start = i;
    while (i < text.size() && is_base64url(text[i])) {
      ++i;
    }
    if (part < 2 && (i == start || i >= text.size() || text[i] != '.')) {
      return 0;
    }
    if (part < 2) {
      ++i;
    }
  }
  return i - at;
}

// An email address whose '@' is at `at`: [begin, end), or begin == end when none.
std::pair<std::size_t, std::size_t> email_around(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && is_local_char(text[begin - 1])) {
    --begin;
  }
  std::size_t end = at + 1;
  while (end < text.size() && is_domain_char(text[end])) {
    ++end;
  }
  while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
    --end;
  }
  std::string_view domain = text.substr(at + 1, end - at - 1);
  if (begin == at || domain.find('.') == std::string_view::npos || domain.front() == '.') {
    return {at, at};
  }
  return {begin, end};
}

void walk(xmlNode* node, const std::function<void(xmlNode*)>& visit) {
  for (xmlNode* child = node; child != nullptr; child = child->next) {
    visit(child);
    if (child->type == XML_ELEMENT_NODE) {
      walk(child->children, visit);
    }
  }
}

std::string content_of(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

}  // namespace

Redactor::Redactor(const std::vector<Capture>& captures) {
  for (const Capture& capture : captures) {
    for (const std::string& secret : capture.secrets) {
      learn(secret, Shape::token);
    }
    for (const CapturedMessage& message : capture.messages) {
      if (message.message) {
        learn_message(message.message->xml());
      }
      for (std::string_view where : {std::string_view(message.raw_query), std::string_view(message.url)}) {
        std::size_t question = where.find('?');
        std::string_view query = question == std::string_view::npos ? where : where.substr(question + 1);
        if (auto fields = core::parse_form(query)) {
          for (const auto& [name, value] : *fields) {
            if (is_personal_parameter(name)) {
              learn(value, Shape::token);
            }
          }
        }
      }
    }
  }
  std::sort(m_learned.begin(), m_learned.end(),
            [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  m_learned.erase(std::unique(m_learned.begin(), m_learned.end()), m_learned.end());
}

void Redactor::learn(const std::string& value, Shape shape) {
  if (value.size() < 3 || is_uri(value)) {
    return;
  }
  // The value's own shape wins: an email in a cookie still becomes an email.
  if (auto at = value.find('@'); at != std::string::npos && email_around(value, at) == std::pair{std::size_t{0}, value.size()}) {
    shape = Shape::email;
  } else if (value.size() == 36 && guid_at(value, 0) == 36) {
    shape = Shape::guid;
  } else if (ipv4_at(value, 0) == value.size()) {
    shape = Shape::ipv4;
  }
  std::string stand_in = placeholder(value, shape);
  m_learned.push_back(value);
  // As it appears in a URL or form body: percent-encoded, with either hex case.
  for (core::HexCase hex_case : {core::HexCase::upper, core::HexCase::lower}) {
    std::string encoded = core::url_encode(value, hex_case);
    if (encoded != value) {
      m_placeholders.emplace(encoded, core::url_encode(stand_in, hex_case));
      m_learned.push_back(encoded);
    }
  }
}

void Redactor::learn_message(const std::string& xml) {
  auto doc = core::parse_strict(xml);
  if (!doc) {
    return;
  }
  walk(doc->root(), [&](xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) {
      return;
    }
    std::string_view name = core::local_name(node);
    if (name == "NameID" || name == "AttributeValue") {
      learn(content_of(node), Shape::other);
    } else if (name == "AuthnStatement") {
      learn(core::attribute(node, "SessionIndex").value_or(""), Shape::token);
    } else if (name == "SubjectConfirmationData") {
      learn(core::attribute(node, "Address").value_or(""), Shape::other);
    }
  });
}

std::string Redactor::placeholder(const std::string& value, Shape shape) {
  if (auto found = m_placeholders.find(value); found != m_placeholders.end()) {
    return found->second;
  }
  int n = ++m_counts[shape];
  std::string out;
  switch (shape) {
    case Shape::email: out = "user-" + std::to_string(n) + std::string(k_email_domain); break;
    case Shape::guid: {
      char tail[16];
      std::snprintf(tail, sizeof tail, "%012d", n);
      out = std::string(k_guid_prefix) + tail;
      break;
    }
    case Shape::ipv4: out = std::string(k_ip_prefix) + std::to_string(1 + (n - 1) % 254); break;
    case Shape::token: out = "redacted-token-" + std::to_string(n); break;
    case Shape::other: out = "redacted-" + std::to_string(n); break;
  }
  m_placeholders.emplace(value, out);
  return out;
}

std::string Redactor::values_and_patterns(std::string_view text) {
  // One pass for the learned values, so that no placeholder is rewritten by a later value.
  std::string learned;
  for (std::size_t i = 0; i < text.size();) {
    auto match = std::find_if(m_learned.begin(), m_learned.end(),
                              [&](const std::string& value) { return text.compare(i, value.size(), value) == 0; });
    if (match != m_learned.end()) {
      learned += m_placeholders.find(*match)->second;
      i += match->size();
    } else {
      learned += text[i++];
    }
  }
  std::string out;
  std::string_view in = learned;
  for (std::size_t i = 0; i < in.size();) {
    if (std::size_t guid = guid_at(in, i); guid != 0) {
      std::string value(in.substr(i, guid));
      out += value.rfind(k_guid_prefix, 0) == 0 ? value : placeholder(value, Shape::guid);
      i += guid;
    } else if (std::size_t jwt = jwt_at(in, i); jwt != 0) {
      out += placeholder(std::string(in.substr(i, jwt)), Shape::token);
      i += jwt;
    } else if (std::size_t ip = ipv4_at(in, i); ip != 0) {
      std::string value(in.substr(i, ip));
      out += value.rfind(k_ip_prefix, 0) == 0 ? value : placeholder(value, Shape::ipv4);
      i += ip;
    } else {
      out += in[i++];
    }
  }
  // Emails last: their local part is found by looking back from the '@'.
  std::string result;
  std::size_t copied = 0;
  for (std::size_t at = out.find('@'); at != std::string::npos; at = out.find('@', at + 1)) {
    auto [begin, end] = email_around(out, at);
    if (begin == end || begin < copied) {
      continue;
    }
    std::string value = out.substr(begin, end - begin);
    result += out.substr(copied, begin - copied);
    result += value.ends_with(k_email_domain) ? value : placeholder(value, Shape::email);
    copied = end;
  }
  return result + out.substr(copied);
}

std::string Redactor::encoded_messages(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_encoded_char(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_encoded_char(text[end])) {
      ++end;
    }
    for (int padding = 0; padding < 2 && end < text.size() && text[end] == '='; ++padding) {
      ++end;
    }
    std::string_view run = text.substr(i, end - i);
    std::string replaced(run);
    if (run.size() >= k_min_encoded) {
      bool percent = run.find('%') != std::string_view::npos;
      auto unescaped = percent ? core::url_decode(run) : core::Result<std::string>(std::string(run));
      auto decoded = unescaped ? core::base64_decode(*unescaped) : core::Result<std::string>(core::fail(core::Reason::internal_error, ""));
      auto is_saml = [](std::string_view xml) {
        auto first = xml.find_first_not_of(" \t\r\n");
        return first != std::string_view::npos && xml[first] == '<' &&
               xml.find("urn:oasis:names:tc:SAML") != std::string_view::npos;
      };
      std::optional<std::string> encoded;
      if (decoded && is_saml(*decoded)) {
        encoded = core::base64_encode(xml(*decoded));
      } else if (decoded) {
        if (auto inflated = core::inflate_raw(*decoded, k_max_inflated); inflated && is_saml(*inflated)) {
          encoded = core::base64_encode(core::deflate_raw(xml(*inflated)));
        }
      }
      if (encoded) {
        replaced = percent ? core::url_encode(*encoded) : *encoded;
      }
    }
    out += replaced;
    i = end;
  }
  return out;
}

std::string Redactor::text(std::string_view text) {
  return values_and_patterns(encoded_messages(text));
}

std::string Redactor::xml(std::string_view xml) {
  auto doc = core::parse_strict(xml);
  if (!doc) {
    return values_and_patterns(xml);
  }
  walk(doc->root(), [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      std::string redacted = values_and_patterns(content_of(node));
      xmlNodeSetContent(node, reinterpret_cast<const xmlChar*>(redacted.c_str()));
      return;
    }
    if (node->type != XML_ELEMENT_NODE) {
      return;
    }
    for (xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      if (attribute->children != nullptr && attribute->children->type == XML_TEXT_NODE) {
        std::string redacted = values_and_patterns(content_of(attribute->children));
        xmlNodeSetContent(attribute->children, reinterpret_cast<const xmlChar*>(redacted.c_str()));
      }
    }
  });
  return core::serialize(*doc);
}

void Redactor::diagnoses(std::vector<MessageDiagnosis>& diagnoses) {
  auto redact = [&](std::string& value) { value = text(value); };
  for (MessageDiagnosis& diagnosis : diagnoses) {
    redact(diagnosis.file);
    redact(diagnosis.source);
    redact(diagnosis.id);
    redact(diagnosis.issuer);
    redact(diagnosis.url);
    diagnosis.message_xml = diagnosis.message_xml.empty() ? "" : xml(diagnosis.message_xml);
    diagnosis.assertion_xml = diagnosis.assertion_xml.empty() ? "" : xml(diagnosis.assertion_xml);
    for (std::string& note : diagnosis.notes) {
      redact(note);
    }
    for (FindingReport& report : diagnosis.findings) {
      redact(report.finding.detail);
      for (std::string* field : {&report.element, &report.value, &report.expected, &report.entra, &report.sp}) {
        redact(*field);
      }
    }
    if (diagnosis.entra) {
      EntraRequestReport& entra = *diagnosis.entra;
      for (std::string* field : {&entra.from, &entra.app, &entra.message, &entra.meaning, &entra.entra, &entra.sp,
                                 &entra.acs_url, &entra.audience, &entra.internal_error}) {
        redact(*field);
      }
    }
  }
}

}  // namespace samlt::diagnose
