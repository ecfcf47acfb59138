// SPDX-License-Identifier: Apache-2.0
// Fetching IdP metadata by URL (http or https) for the `metadata_url` seeds and the refresh action.
#pragma once

#include "samlt/core/result.hpp"

#include <chrono>
#include <string>

namespace samlt::sp {

// GETs `url` and returns the body. Follows no redirects; refuses bodies larger than the metadata
// limit. Fails with io.read_failed (connection, timeout, HTTP status other than 200, too large) or
// config.invalid (not an http or https URL).
core::Result<std::string> fetch_metadata(const std::string& url,
                                         std::chrono::seconds timeout = std::chrono::seconds(5));

}  // namespace samlt::sp
