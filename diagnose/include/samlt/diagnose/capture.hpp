// SPDX-License-Identifier: Apache-2.0
// What a customer captured, read into SAML messages: a HAR 1.2 file, a SAML-tracer export, an
// encoded SAMLResponse or SAMLRequest (the field, the form body or the redirect URL) or raw XML.
// Inputs are recognised by their content, never by their file name.
#pragma once

#include "samlt/core/binding.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::diagnose {

// The largest capture read: a HAR with response bodies of a whole sign-in stays well below it.
inline constexpr std::size_t k_max_capture_bytes = 32 * 1024 * 1024;

enum class CaptureKind { har, saml_tracer, encoded, xml };
std::string_view capture_kind_name(CaptureKind kind);  // "HAR 1.2", "SAML-tracer export", …

// What the message's root element is.
enum class MessageKind { response, authn_request, logout_request, logout_response, other };
std::string_view message_kind_name(MessageKind kind);  // "Response", "AuthnRequest", …

struct CapturedMessage {
  std::string source;  // where in the input: "entry 12: POST http://sp/saml/acs, form body"
  MessageKind kind = MessageKind::other;
  // The HTTP request as it carried the message (POST: the form; Redirect: the query), or, for a
  // message only seen in an answer or given on its own, the auto-POST a browser would send.
  std::string method;
  std::string content_type;
  std::string body;       // POST: the urlencoded form body
  std::string raw_query;  // Redirect: the query string, without '?'
  std::string url;        // where it went, when known
  // The message as core's binding codec decoded it.
  std::optional<core::BindingMessage> message;
  std::optional<core::TimePoint> captured_at;  // the HAR entry's startedDateTime
  bool sent = false;  // an HTTP request carried it (false: seen in an answer, or given alone)
};

struct Capture {
  std::string file;  // as given on the command line
  CaptureKind kind = CaptureKind::encoded;
  std::vector<CapturedMessage> messages;  // in capture order
  // What a HAR carries beside the messages that is personal or secret, for --redact: cookie
  // values, Authorization headers, forwarded and server IP addresses, login_hint and the like.
  std::vector<std::string> secrets;
};

// Whether a query parameter of that name carries personal or secret data (login_hint, username,
// email, upn, domain_hint, an OAuth code or state): what --redact learns from URLs.
bool is_personal_parameter(std::string_view name);

// Reads `bytes` (the content of `file`). Fails with io.read_failed when the content is none of the
// four kinds; the detail names each kind tried and why it did not fit. A file larger than
// k_max_capture_bytes is refused with that limit by read_capture_file.
core::Result<Capture> read_capture(std::string_view file, std::string_view bytes);

// Reads the file `path` (at most k_max_capture_bytes), then read_capture.
core::Result<Capture> read_capture_file(const std::string& path);

}  // namespace samlt::diagnose
