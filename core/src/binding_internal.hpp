// SPDX-License-Identifier: Apache-2.0
// What the two binding decoders share (binding_post.cpp, binding_redirect.cpp): splitting the
// input into the binding's own parameters and the rest, and the checks both bindings make.
#pragma once

#include "samlt/core/binding.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samlt::core::binding_internal {

// The parameter names the bindings define, by index. HTTP-POST defines the first three
// (saml-bindings §3.5.3, §3.5.4), HTTP-Redirect all five (§3.4.4.1).
struct Index {
  enum : std::size_t { saml_request, saml_response, relay_state, sig_alg, signature, count };
};
inline constexpr std::array<std::string_view, Index::count> k_names = {
    "SAMLRequest", "SAMLResponse", "RelayState", "SigAlg", "Signature"};

struct Scanned {
  std::array<std::optional<std::string_view>, Index::count> raw;  // as received, URL-encoded
  FormFields others;                                              // decoded, in order
};

// Splits `input` (a leading '?' allowed) once its size passed. Fails with binding.too_large,
// codec.url_invalid, binding.parameter_invalid (look-alike name, duplicate),
// binding.saml_response_duplicated, binding.relay_state_invalid (duplicate).
// Lifetime: the views in `raw` point into `input`.
Result<Scanned> scan(std::string_view input, Binding binding, const BindingLimits& limits);

// The accepted message parameter with its base64 decoded, and RelayState.
struct Common {
  MessageParameter parameter = MessageParameter::saml_request;
  std::string_view raw_value;  // as received, URL-encoded
  std::string decoded;         // the bytes the base64 text carries
  std::optional<std::string> relay_state;
};

// Fails with binding.parameter_invalid (both parameters), binding.saml_response_missing,
// binding.message_missing, codec.url_invalid, binding.too_large, binding.base64_invalid,
// binding.relay_state_invalid (too long).
Result<Common> decode_common(const Scanned& scanned, Accepts accepts, const BindingLimits& limits);

}  // namespace samlt::core::binding_internal
