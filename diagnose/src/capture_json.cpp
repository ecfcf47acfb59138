// SPDX-License-Identifier: Apache-2.0
// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) and SAML-tracer exports: every SAML
// message in request URLs, form bodies, Location headers and answer pages, in capture order.
#include "capture_json.hpp"

#include "capture_internal.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/saml_time.hpp"

#include <algorithm>
#include <set>

namespace samlt::diagnose::detail {
namespace {

using nlohmann::json;

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) {
    return nullptr;
  }
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

std::string string_at(const json& object, std::string_view key) {
  const json* value = member(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

// A header's value from a HAR headers array ([{name, value}]) or SAML-tracer's legacy
// [[name, value]] pairs; case-insensitive names (RFC 9110 §5.1).
std::string header(const json* headers, std::string_view name) {
  if (headers == nullptr || !headers->is_array()) {
    return {};
  }
  auto equals = [&](const std::string& other) {
    return other.size() == name.size() &&
           std::equal(other.begin(), other.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  for (const json& entry : *headers) {
    if (entry.is_object() && equals(string_at(entry, "name"))) {
      return string_at(entry, "value");
    }
    if (entry.is_array() && entry.size() == 2 && entry[0].is_string() && entry[1].is_string() &&
        equals(entry[0].get<std::string>())) {
      return entry[1].get<std::string>();
    }
  }
  return {};
}

// Keeps the first sighting of each message: the request that carried it, before an answer page
// or a Location header that showed it.
void add_unique(std::vector<CapturedMessage>& out, std::set<std::string>& seen, CapturedMessage message) {
  std::string key = message.message ? message.message->xml() : message.body;
  if (seen.insert(key).second) {
    out.push_back(std::move(message));
  }
}

}  // namespace

bool looks_like_har(const json& document) {
  const json* log = member(document, "log");
  return log != nullptr && member(*log, "entries") != nullptr;
}

bool looks_like_saml_tracer(const json& document) {
  const json* requests = member(document, "requests");
  return requests != nullptr && requests->is_array();
}

std::vector<std::string> har_secrets(const json& document) {
  std::vector<std::string> out;
  auto add = [&](std::string value) {
    auto first = value.find_first_not_of(" \t");
    if (first != std::string::npos && value.size() - first >= 3) {
      out.push_back(value.substr(first));
    }
  };
  // "a=1; b=2" (Cookie) or "a=1; Path=/" (Set-Cookie: the first pair only).
  auto cookie_values = [&](const std::string& header_value, bool all) {
    std::size_t at = 0;
    while (at < header_value.size()) {
      std::size_t end = header_value.find(';', at);
      std::string pair = header_value.substr(at, end == std::string::npos ? std::string::npos : end - at);
      if (auto equals = pair.find('='); equals != std::string::npos) {
        add(pair.substr(equals + 1));
      }
      if (!all || end == std::string::npos) {
        break;
      }
      at = end + 1;
    }
  };
  const json* entries = member(*member(document, "log"), "entries");
  if (entries == nullptr || !entries->is_array()) {
    return out;
  }
  for (const json& entry : *entries) {
    add(string_at(entry, "serverIPAddress"));
    for (const char* side : {"request", "response"}) {
      const json* message = member(entry, side);
      if (message == nullptr || !message->is_object()) {
        continue;
      }
      if (const json* cookies = member(*message, "cookies"); cookies != nullptr && cookies->is_array()) {
        for (const json& cookie : *cookies) {
          add(string_at(cookie, "value"));
        }
      }
      const json* headers = member(*message, "headers");
      cookie_values(header(headers, "Cookie"), true);
      cookie_values(header(headers, "Set-Cookie"), false);
      for (const char* name : {"Authorization", "Proxy-Authorization", "X-Forwarded-For", "X-Real-IP"}) {
        std::string value = header(headers, name);
        add(value);
        if (auto space = value.find(' '); space != std::string::npos) {
          add(value.substr(space + 1));  // the credentials after the scheme
        }
      }
    }
    const json* request = member(entry, "request");
    if (auto query = request != nullptr ? query_of(string_at(*request, "url")) : std::nullopt) {
      if (auto fields = core::parse_form(*query)) {
        for (const auto& field : *fields) {
          if (is_personal_parameter(field.first)) {
            add(field.second);
          }
        }
      }
    }
  }
  return out;
}

core::Result<std::vector<CapturedMessage>> read_har(const json& document) {
  const json& entries = *member(*member(document, "log"), "entries");
  if (!entries.is_array()) {
    return core::fail(core::Reason::io_read_failed, "/log/entries: expected an array of HAR entries");
  }
  std::vector<CapturedMessage> sent;
  std::vector<CapturedMessage> shown;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json& entry = entries[i];
    const json* request = member(entry, "request");
    if (request == nullptr || !request->is_object()) {
      return core::fail(core::Reason::io_read_failed,
                        "/log/entries/" + std::to_string(i) + ": expected a HAR entry with a request object");
    }
    std::optional<core::TimePoint> at;
    if (auto started = core::parse_datetime(string_at(entry, "startedDateTime"))) {
      at = *started;
    }
    std::string method = string_at(*request, "method");
    std::string url = string_at(*request, "url");
    std::string where = "entry " + std::to_string(i) + ": " + method + " " + url;
    auto stamp = [&](CapturedMessage message, bool carried) {
      message.captured_at = at;
      message.sent = carried;
      if (message.url.empty()) {
        message.url = url;
      }
      return message;
    };
    if (auto query = query_of(url)) {
      if (auto message = from_query(*query, where + ", query")) {
        message->url = url;
        sent.push_back(stamp(std::move(*message), true));
      }
    }
    if (const json* post = member(*request, "postData")) {
      std::string mime = string_at(*post, "mimeType");
      std::string text = string_at(*post, "text");
      if (auto message = from_post_body(text, mime.empty() ? header(member(*request, "headers"), "Content-Type") : mime,
                                        where + ", form body")) {
        message->url = url;
        sent.push_back(stamp(std::move(*message), true));
      }
    }
    const json* response = member(entry, "response");
    if (response == nullptr) {
      continue;
    }
    std::string location = header(member(*response, "headers"), "Location");
    if (location.empty()) {
      location = string_at(*response, "redirectURL");
    }
    if (auto query = query_of(location)) {
      if (auto message = from_query(*query, where + ", answer's Location header")) {
        message->url = location;
        shown.push_back(stamp(std::move(*message), false));
      }
    }
    if (const json* content = member(*response, "content")) {
      std::string text = string_at(*content, "text");
      if (string_at(*content, "encoding") == "base64") {
        auto decoded = core::base64_decode(text);
        text = decoded ? *decoded : std::string();
      }
      for (const HtmlForm& form : saml_forms(text)) {
        std::string body = core::encode_form(form.fields);
        if (auto message = from_post_body(body, "application/x-www-form-urlencoded",
                                          where + ", auto-POST form in the answer")) {
          message->url = form.action;
          shown.push_back(stamp(std::move(*message), false));
        }
      }
    }
  }
  std::vector<CapturedMessage> out;
  std::set<std::string> seen;
  for (auto& message : sent) {
    add_unique(out, seen, std::move(message));
  }
  for (auto& message : shown) {
    add_unique(out, seen, std::move(message));
  }
  std::stable_sort(out.begin(), out.end(), [](const CapturedMessage& a, const CapturedMessage& b) {
    return a.captured_at.value_or(core::TimePoint{}) < b.captured_at.value_or(core::TimePoint{});
  });
  return out;
}

// SAML-tracer (github.com/simplesamlphp/SAML-tracer, SAMLTraceIO.js) exports
// {"requests": [{method, url, requestHeaders, get, post, saml, …}], "timestamp"}. Its `get` and
// `post` hold decoded [name, value] pairs; the form is re-encoded for the binding codec.
core::Result<std::vector<CapturedMessage>> read_saml_tracer(const json& document) {
  const json& requests = *member(document, "requests");
  std::vector<CapturedMessage> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const json& request = requests[i];
    if (!request.is_object()) {
      return core::fail(core::Reason::io_read_failed,
                        "/requests/" + std::to_string(i) + ": expected a SAML-tracer request object");
    }
    std::string method = string_at(request, "method");
    std::string url = string_at(request, "url");
    std::string where = "request " + std::to_string(i) + ": " + method + " " + url;
    if (auto query = query_of(url)) {
      if (auto message = from_query(*query, where + ", query")) {
        message->url = url;
        message->sent = true;
        add_unique(out, seen, std::move(*message));
      }
    }
    const json* post = member(request, "post");
    if (post != nullptr && post->is_array() && !post->empty()) {
      core::FormFields fields;
      for (const json& pair : *post) {
        if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
          fields.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
        }
      }
      std::string type = header(member(request, "requestHeaders"), "Content-Type");
      if (auto message = from_post_body(core::encode_form(fields),
                                        type.empty() ? "application/x-www-form-urlencoded" : type,
                                        where + ", form body")) {
        message->url = url;
        message->sent = true;
        add_unique(out, seen, std::move(*message));
      }
    }
  }
  return out;
}

}  // namespace samlt::diagnose::detail
