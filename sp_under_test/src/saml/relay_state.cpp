// SPDX-License-Identifier: Apache-2.0
// RelayState as a redirect target, allow-listed (saml-bindings §3.4.3 leaves RelayState opaque;
// treating it as a URL without a check is the open-redirect class in attack-catalogue §13).
#include "samlt/sp/relay_state.hpp"

#include <algorithm>

namespace samlt::sp {
namespace {

auto refused(std::string why) { return core::fail(core::Reason::binding_relay_state_invalid, std::move(why)); }

// scheme://host[:port] of an absolute http(s) URL, or "" when it is not one.
std::string origin_of(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return {};
  }
  std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") {
    return {};
  }
  std::size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  return std::string(url.substr(0, host_end));
}

bool path_allowed(std::string_view path, const RelayStateRules& rules) {
  return std::any_of(rules.allowed_paths.begin(), rules.allowed_paths.end(), [&](const std::string& prefix) {
    return path.rfind(prefix, 0) == 0;
  });
}

}  // namespace

core::Result<std::string> check_relay_state(std::string_view relay_state, const RelayStateRules& rules,
                                            std::string_view base_url) {
  if (relay_state.empty()) {
    return std::string();
  }
  if (relay_state.size() > k_max_relay_state_bytes) {
    return refused("RelayState is " + std::to_string(relay_state.size()) + " bytes long");
  }
  // Control characters, backslashes and '@' in the authority are how "looks local" becomes
  // "goes elsewhere" in browsers (/\evil.example, //evil.example, https://app@evil.example).
  if (std::any_of(relay_state.begin(), relay_state.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\'; })) {
    return refused("RelayState contains a control character or a backslash");
  }
  if (relay_state.front() == '/') {
    if (relay_state.size() > 1 && relay_state[1] == '/') {
      return refused("RelayState '//...' is a network-path reference to another host");
    }
    if (!path_allowed(relay_state, rules)) {
      return refused("RelayState path is not under an allowed path");
    }
    return std::string(relay_state);
  }
  std::string origin = origin_of(relay_state);
  if (origin.empty()) {
    return refused("RelayState is neither a local path nor an http(s) URL");
  }
  if (origin.find('@') != std::string::npos) {
    return refused("RelayState URL carries user information");
  }
  bool listed = origin == base_url ||
                std::find(rules.allowed_origins.begin(), rules.allowed_origins.end(), origin) != rules.allowed_origins.end();
  if (!listed) {
    return refused("RelayState origin '" + origin + "' is not allowed");
  }
  return std::string(relay_state);
}

}  // namespace samlt::sp
