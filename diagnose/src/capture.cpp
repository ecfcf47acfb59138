// SPDX-License-Identifier: Apache-2.0
// Recognising a capture by its content, and reading the encoded and raw-XML forms.
#include "samlt/diagnose/capture.hpp"

#include "capture_internal.hpp"
#include "capture_json.hpp"
#include "samlt/core/codec.hpp"
#include "samlt/core/fs.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace samlt::diagnose {
namespace {


std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string_view without_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

// Why `bytes` is not text: a NUL byte, or a byte sequence that is not UTF-8 (RFC 3629 §4).
std::optional<std::string> binary_reason(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      return "a NUL byte at offset " + std::to_string(i);
    }
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) {
      return "bytes that are not UTF-8 at offset " + std::to_string(i);
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(bytes[i + k]) >> 6) != 0x2) {
        return "bytes that are not UTF-8 at offset " + std::to_string(i);
      }
    }
    i += length;
  }
  return std::nullopt;
}

bool is_base64_text(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '+' || c == '/' || c == '=' || c == '%' || std::isspace(c);
  });
}

// A SAMLResponse or SAMLRequest on its own: the POST field's base64, perhaps URL-encoded, or a
// Redirect parameter's deflated base64.
std::optional<CapturedMessage> from_value(std::string_view value, std::string& why) {
  std::string text(value);
  if (text.find('%') != std::string::npos) {
    auto decoded = core::url_decode(text);
    if (!decoded) {
      why = decoded.error().detail;
      return std::nullopt;
    }
    text = *decoded;
  }
  auto posted = core::encode_form({{"SAMLResponse", text}});
  std::string post_why;
  auto message = detail::from_post_body(posted, "application/x-www-form-urlencoded", "the value, as a POST field", &post_why);
  if (message && message->message && !trim(message->message->xml()).empty() &&
      trim(message->message->xml()).front() == '<') {
    if (message->kind == MessageKind::authn_request || message->kind == MessageKind::logout_request) {
      auto request = detail::from_post_body(core::encode_form({{"SAMLRequest", text}}),
                                            "application/x-www-form-urlencoded", "the value, as a POST field");
      if (request) {
        return request;
      }
    }
    return message;
  }
  for (const char* name : {"SAMLRequest", "SAMLResponse"}) {
    std::string redirect_why;
    auto redirected = detail::from_query(core::encode_form({{name, text}}), "the value, as a Redirect parameter", &redirect_why);
    if (redirected && redirected->kind != MessageKind::other) {
      return redirected;
    }
    why = "as a POST field: " + (post_why.empty() ? std::string("not XML once decoded") : post_why) +
          "; as a Redirect parameter: " + (redirect_why.empty() ? std::string("not a SAML message once inflated") : redirect_why);
  }
  return std::nullopt;
}

core::Result<Capture> read_json(std::string_view file, std::string_view text, std::string& why) {
  auto document = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (document.is_discarded()) {
    why = "not well-formed JSON (truncated?)";
    return core::fail(core::Reason::io_read_failed, why);
  }
  Capture capture{std::string(file), CaptureKind::har, {}};
  core::Result<std::vector<CapturedMessage>> messages = core::fail(core::Reason::io_read_failed, "");
  if (detail::looks_like_har(document)) {
    messages = detail::read_har(document);
    capture.secrets = detail::har_secrets(document);
  } else if (detail::looks_like_saml_tracer(document)) {
    capture.kind = CaptureKind::saml_tracer;
    messages = detail::read_saml_tracer(document);
  } else {
    why = "JSON, but neither a HAR (no /log/entries) nor a SAML-tracer export (no /requests)";
    return core::fail(core::Reason::io_read_failed, why);
  }
  if (!messages) {
    return core::fail(core::Reason::io_read_failed, std::string(file) + ": " + messages.error().detail);
  }
  if (messages->empty()) {
    return core::fail(core::Reason::io_read_failed,
                      std::string(file) + ": a " + std::string(capture_kind_name(capture.kind)) +
                          " without any SAMLRequest or SAMLResponse in its URLs, form bodies, "
                          "Location headers or answer pages");
  }
  capture.messages = std::move(*messages);
  return capture;
}

}  // namespace

bool is_personal_parameter(std::string_view name) {
  static constexpr std::string_view k_personal[] = {"login_hint", "username", "user", "email",
                                                    "upn",        "domain_hint", "code", "state"};
  return std::find(std::begin(k_personal), std::end(k_personal), name) != std::end(k_personal);
}

std::string_view capture_kind_name(CaptureKind kind) {
  switch (kind) {
    case CaptureKind::har: return "HAR 1.2 file";
    case CaptureKind::saml_tracer: return "SAML-tracer export";
    case CaptureKind::encoded: return "encoded SAML message";
    case CaptureKind::xml: return "SAML XML";
  }
  return "capture";
}

std::string_view message_kind_name(MessageKind kind) {
  switch (kind) {
    case MessageKind::response: return "Response";
    case MessageKind::authn_request: return "AuthnRequest";
    case MessageKind::logout_request: return "LogoutRequest";
    case MessageKind::logout_response: return "LogoutResponse";
    case MessageKind::other: return "unknown message";
  }
  return "unknown message";
}

core::Result<Capture> read_capture(std::string_view file, std::string_view bytes) {
  auto fail = [&](const std::string& why) {
    return core::fail(core::Reason::io_read_failed,
                      std::string(file) + ": not a HAR 1.2 file, a SAML-tracer export, an encoded "
                                          "SAMLResponse or SAMLRequest (field, form body or redirect "
                                          "URL) nor SAML XML: " + why);
  };
  if (bytes.size() > k_max_capture_bytes) {
    return fail("it is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                std::to_string(k_max_capture_bytes));
  }
  if (auto binary = binary_reason(bytes)) {
    return fail("it is binary data (" + *binary + ")");
  }
  std::string_view text = trim(without_bom(bytes));
  if (text.empty()) {
    return fail("it is empty");
  }
  std::string why;
  if (text.front() == '{') {
    auto capture = read_json(file, text, why);
    if (capture || why.empty()) {
      return capture;  // a HAR or SAML-tracer export, or one whose content is wrong
    }
    return fail(why);
  }
  Capture capture{std::string(file), CaptureKind::encoded, {}};
  if (text.front() == '<') {
    // Raw XML: posted as a browser's auto-POST form would carry it.
    capture.kind = CaptureKind::xml;
    auto kind = detail::kind_of(text);
    const char* field = kind == MessageKind::authn_request || kind == MessageKind::logout_request ? "SAMLRequest" : "SAMLResponse";
    auto message = detail::from_post_body(core::encode_form({{field, core::base64_encode(text)}}),
                                          "application/x-www-form-urlencoded", "the XML", &why);
    if (!message) {
      return fail("XML, but " + why);
    }
    message->kind = kind == MessageKind::other ? MessageKind::response : kind;
    capture.messages.push_back(std::move(*message));
    return capture;
  }
  std::optional<CapturedMessage> message;
  if (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0) {
    auto query = detail::query_of(text);
    message = query ? detail::from_query(*query, "the redirect URL", &why) : std::nullopt;
    if (message) {
      message->url = std::string(text);
    } else if (!query) {
      why = "a URL without a query";
    }
  } else if (text.find("SAMLResponse=") != std::string_view::npos ||
             text.find("SAMLRequest=") != std::string_view::npos) {
    message = detail::from_post_body(text, "application/x-www-form-urlencoded", "the form body", &why);
    if (!message || !message->message || message->kind == MessageKind::other) {
      std::string redirect_why;
      auto redirected = detail::from_query(text, "the query string", &redirect_why);
      if (redirected) {
        message = std::move(redirected);
      } else if (!message) {
        why = "as a form body: " + why + "; as a query string: " + redirect_why;
      }
    }
  } else if (is_base64_text(text)) {
    message = from_value(text, why);
  } else {
    why = "text that is neither JSON, XML, a URL, a form body nor base64";
  }
  if (!message) {
    return fail(why);
  }
  capture.messages.push_back(std::move(*message));
  return capture;
}

core::Result<Capture> read_capture_file(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) {
    return core::fail(core::Reason::io_read_failed, path + ": " + error.message());
  }
  if (size > k_max_capture_bytes) {
    return core::fail(core::Reason::io_read_failed,
                      path + ": it is " + std::to_string(size) + " bytes; captures are read up to " +
                          std::to_string(k_max_capture_bytes) + " bytes (32 MiB)");
  }
  auto bytes = core::read_file(path);
  if (!bytes) {
    return core::fail(bytes.error());
  }
  return read_capture(path, *bytes);
}

}  // namespace samlt::diagnose
