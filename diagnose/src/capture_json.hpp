// SPDX-License-Identifier: Apache-2.0
// The two JSON capture formats: HAR 1.2 and SAML-tracer's export.
#pragma once

#include "samlt/diagnose/capture.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace samlt::diagnose::detail {

bool looks_like_har(const nlohmann::json& document);          // {"log": {"entries": …}}
bool looks_like_saml_tracer(const nlohmann::json& document);  // {"requests": […]}

// Every SAML message of the capture, in capture order. Fails with io.read_failed naming the
// JSON pointer of an entry that is not what the format says.
core::Result<std::vector<CapturedMessage>> read_har(const nlohmann::json& document);
core::Result<std::vector<CapturedMessage>> read_saml_tracer(const nlohmann::json& document);

// What a HAR's entries carry that is personal or secret (Capture::secrets), in entry order.
std::vector<std::string> har_secrets(const nlohmann::json& document);

}  // namespace samlt::diagnose::detail
