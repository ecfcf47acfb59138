// SPDX-License-Identifier: Apache-2.0
// Small readers shared by the steps: SAML times with the skew rule, element text, ID uniqueness.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"
#include "samlt/core/xml.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace samlt::sp::read {

// The dateTime attribute `name` of `element`: nullopt when absent, time.unparseable when present
// but not a UTC xs:dateTime (a parse error is never "no constraint": TIME-MALFORMED).
core::Result<std::optional<core::TimePoint>> optional_time(const xmlNode* element, std::string_view name);

// saml-core §2.5.1.2: NotOnOrAfter is exclusive, so the instant itself is already too late. The
// skew widens the window by the same amount on both sides.
inline bool has_expired(core::TimePoint now, core::TimePoint not_on_or_after, std::chrono::seconds skew) {
  return now >= not_on_or_after + skew;
}
inline bool is_before(core::TimePoint now, core::TimePoint not_before, std::chrono::seconds skew) {
  return now < not_before - skew;
}

// simple_text of `element` (text and CDATA joined, comments skipped), or "" when absent or when
// it has element children.
std::string text_of(const xmlNode* element);

// True when `text` holds nothing but XML whitespace.
bool is_blank(std::string_view text);

// Every ID-like attribute (local name ID, Id or id, in any namespace) under `root`, counted:
// fails with xml.id_duplicated when one value appears twice (attack-catalogue XSW-ID-DUP,
// XSW-ID-XMLID).
core::Result<void> check_unique_ids(const xmlNode* root);

}  // namespace samlt::sp::read
