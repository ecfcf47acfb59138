// SPDX-License-Identifier: Apache-2.0
// RelayState as a redirect target: only allow-listed local paths and origins, so it can never be
// an open redirect or a script URL (attack-catalogue BIND-RELAYSTATE-REDIRECT, -XSS).
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/sp/sp_config.hpp"

#include <string>
#include <string_view>

namespace samlt::sp {

// The longest RelayState accepted. saml-bindings §3.4.3 caps what a sender may send at 80 bytes;
// this SP is more lenient (Entra does not enforce the cap) but still bounded.
inline constexpr std::size_t k_max_relay_state_bytes = 1024;

// `relay_state` when it is an allowed target: empty, a path ("/x", never "//x" or "/\x") under
// one of rules.allowed_paths, or an absolute http(s) URL whose origin is `base_url`'s or listed in
// rules.allowed_origins. Fails with binding.relay_state_invalid.
core::Result<std::string> check_relay_state(std::string_view relay_state, const RelayStateRules& rules,
                                            std::string_view base_url);

}  // namespace samlt::sp
