// SPDX-License-Identifier: Apache-2.0
// What the runner learns about a target before the first scenario: values from its SP metadata,
// its policy settings, and whether it answers at all.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/runner/target.hpp"

#include <map>
#include <string>

namespace samlt::runner {

// Fills entity_id and acs_url from the SP metadata (file or URL) when the target file left them
// out: EntityDescriptor/@entityID and the HTTP-POST AssertionConsumerService (the default one, or
// the lowest index). Fails with metadata.invalid or runner.http_failed.
core::Result<void> complete_from_metadata(Target& target, double timeout_seconds);

// The declared policy, with policy_url's JSON object (flattened, "a.b" for nested keys) over it.
// Fails with runner.http_failed when policy_url does not answer 200 with a JSON object.
core::Result<std::map<std::string, std::string>> fetch_policy(const Target& target, double timeout_seconds);

// One request to the SP (login URL, else metadata URL, else ACS URL) to learn whether it is up.
// Any HTTP answer counts. Fails with runner.http_failed.
core::Result<void> check_reachable(const Target& target, double timeout_seconds);

}  // namespace samlt::runner
