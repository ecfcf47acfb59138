// SPDX-License-Identifier: Apache-2.0
// xs:dateTime as SAML uses it (saml-core §1.3.3: UTC, at most millisecond resolution).
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/result.hpp"

#include <string>
#include <string_view>

namespace samlt::core {

// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`. Digits beyond milliseconds are truncated;
// an offset is converted to UTC. A value without a time zone is refused: it names no instant.
// Fails with time.unparseable (detail quotes the value).
Result<TimePoint> parse_datetime(std::string_view text);

// Formats as Entra does: `2023-06-21T21:43:30.805Z` (always three fractional digits, `Z`).
std::string format_datetime(TimePoint at);

}  // namespace samlt::core
