// SPDX-License-Identifier: Apache-2.0
// Context: the read-only inputs of one ACS decision (style §6.6). Steps read it and never change
// it; time comes from here, never from a clock.
#pragma once

#include "samlt/core/clock.hpp"
#include "samlt/core/keys.hpp"
#include "samlt/core/result.hpp"
#include "samlt/sp/acs_request.hpp"
#include "samlt/sp/policy.hpp"
#include "samlt/sp/sp_config.hpp"
#include "samlt/sp/store.hpp"
#include "samlt/sp/trust.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <string_view>

namespace samlt::sp {

// Looks up an AuthnRequest this SP sent, by ID. nullopt: never sent (or purged).
using OutstandingLookup =
    std::function<core::Result<std::optional<OutstandingRequest>>(std::string_view id)>;

// Lifetime: every reference must outlive the pipeline run that uses this Context.
struct Context {
  std::string_view entity_id;  // this SP: the Audience it expects
  std::string_view acs_url;    // this ACS: Destination and Recipient must equal it
  std::string_view base_url;   // for RelayState origins
  const Policy& policy;
  const RelayStateRules& relay_state_rules;
  core::TimePoint now;  // from the injected Clock, read once per decision
  const AcsRequest& request;          // the HTTP request, as received (binding.post_form)
  std::string_view browser_binding;   // the browser's binding cookie value; may be empty
  const TrustStore& trust;            // snapshot of the registered IdPs
  const OutstandingLookup& outstanding;
  std::span<const core::PrivateKey> decryption_keys;
  std::chrono::seconds session_lifetime{8 * 3600};
};

}  // namespace samlt::sp
