// SPDX-License-Identifier: Apache-2.0
// Shared by the capture readers: turning one HTTP request's parts into a CapturedMessage through
// core's binding codec, and the auto-POST forms in an HTML answer.
#pragma once

#include "samlt/core/codec.hpp"
#include "samlt/diagnose/capture.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samlt::diagnose::detail {

// The codec's limits while reading a capture: as large as a capture may be, so that decoding
// never refuses what the ACS's own, stricter limits should judge.
core::BindingLimits capture_limits();

MessageKind kind_of(std::string_view xml);

// A POST form body carrying SAMLResponse or SAMLRequest; nullopt when it carries neither or
// does not decode (the reason in `why` when given).
std::optional<CapturedMessage> from_post_body(std::string_view body, std::string_view content_type,
                                              std::string source, std::string* why = nullptr);
// A Redirect query string (without '?').
std::optional<CapturedMessage> from_query(std::string_view query, std::string source,
                                          std::string* why = nullptr);
// The query of `url`, when it has one.
std::optional<std::string_view> query_of(std::string_view url);

// The HTML forms in `html` that carry a SAMLResponse or SAMLRequest input: their fields in
// document order, with entities decoded, and their action.
struct HtmlForm {
  std::string action;
  core::FormFields fields;
};
std::vector<HtmlForm> saml_forms(std::string_view html);

}  // namespace samlt::diagnose::detail
