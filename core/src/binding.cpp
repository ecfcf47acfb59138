// SPDX-License-Identifier: Apache-2.0
// The binding codec's shared part: names, the form media type, and the parameter rules both
// bindings apply (saml-bindings §3.4.4.1 and §3.5.4: one message parameter, RelayState at most
// once). The per-binding decoding is in binding_post.cpp and binding_redirect.cpp.
#include "samlt/core/binding.hpp"

#include "binding_internal.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>

namespace samlt::core {
namespace {

using namespace binding_internal;

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

// A decoded parameter name the way lenient frameworks fold it before looking it up: cut at a NUL
// (C-string APIs), trimmed of spaces and control characters, an array suffix dropped (PHP reads
// SAMLResponse[] and SAMLResponse[x] as SAMLResponse), ASCII case folded (ASP.NET's form
// collection ignores case). BIND-REDIRECT-PARAM-CONFUSION.
std::string folded_name(std::string_view name) {
  name = name.substr(0, name.find('\0'));
  auto is_noise = [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; };
  while (!name.empty() && is_noise(name.front())) {
    name.remove_prefix(1);
  }
  while (!name.empty() && is_noise(name.back())) {
    name.remove_suffix(1);
  }
  if (std::size_t bracket = name.find('['); bracket != std::string_view::npos && name.back() == ']') {
    name = name.substr(0, bracket);
  }
  std::string folded(name);
  std::transform(folded.begin(), folded.end(), folded.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return folded;
}

// The binding name `name` folds into, when it is not spelled exactly so.
std::optional<std::string_view> look_alike_of(std::string_view name,
                                              std::span<const std::string_view> ours) {
  std::string folded = folded_name(name);
  for (std::string_view candidate : ours) {
    if (folded.size() == candidate.size() &&
        std::equal(folded.begin(), folded.end(), candidate.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      return candidate;
    }
  }
  return std::nullopt;
}

tl::unexpected<Error> duplicated(std::size_t index) {
  std::string why = std::string(k_names[index]) + " appears more than once";
  switch (index) {
    case Index::saml_response:
      return fail(Reason::binding_saml_response_duplicated, why);
    case Index::relay_state:
      return fail(Reason::binding_relay_state_invalid, why);
    default:
      return fail(Reason::binding_parameter_invalid, why);
  }
}

tl::unexpected<Error> missing(Accepts accepts, std::string why) {
  return fail(accepts == Accepts::saml_response ? Reason::binding_saml_response_missing
                                                : Reason::binding_message_missing,
              std::move(why));
}

}  // namespace

std::string_view binding_name(Binding binding) {
  return binding == Binding::redirect ? "HTTP-Redirect" : "HTTP-POST";
}

std::string_view parameter_name(MessageParameter parameter) {
  return k_names[parameter == MessageParameter::saml_request ? Index::saml_request
                                                             : Index::saml_response];
}

bool is_form_content_type(std::string_view content_type) {
  std::string_view type = trim(content_type.substr(0, content_type.find(';')));
  constexpr std::string_view k_form = "application/x-www-form-urlencoded";
  return type.size() == k_form.size() &&
         std::equal(type.begin(), type.end(), k_form.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

std::string redirect_url(std::string_view endpoint, std::string_view query) {
  std::string url(endpoint);
  url += endpoint.find('?') == std::string_view::npos ? '?' : '&';
  url += query;
  return url;
}

namespace binding_internal {

Result<Scanned> scan(std::string_view input, Binding binding, const BindingLimits& limits) {
  if (input.size() > limits.max_input_bytes) {
    return fail(Reason::binding_too_large,
                std::string(binding_name(binding)) + " input is " + std::to_string(input.size()) +
                    " bytes; the limit is " + std::to_string(limits.max_input_bytes));
  }
  if (!input.empty() && input.front() == '?') {
    input.remove_prefix(1);
  }
  // The names this binding defines: POST stops after RelayState.
  const std::span<const std::string_view> ours =
      std::span(k_names).first(binding == Binding::redirect ? std::size_t{Index::count}
                                                            : std::size_t{Index::relay_state + 1});
  Scanned out;
  while (!input.empty()) {
    std::size_t amp = input.find('&');
    std::string_view pair = input.substr(0, amp);
    input = amp == std::string_view::npos ? std::string_view() : input.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    std::size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    auto exact = std::find(ours.begin(), ours.end(), name);
    if (exact != ours.end()) {
      auto index = static_cast<std::size_t>(exact - ours.begin());
      if (out.raw[index]) {
        return duplicated(index);
      }
      out.raw[index] = value;
      continue;
    }
    auto decoded_name = url_decode(name);
    auto decoded_value = url_decode(value);
    if (!decoded_name || !decoded_value) {
      return fail(decoded_name ? decoded_value.error() : decoded_name.error());
    }
    // A name spelled differently that decodes or folds to one of ours would be read by a lenient
    // parser and ignored by a strict one: refused, never folded.
    if (auto real = look_alike_of(*decoded_name, ours)) {
      return fail(Reason::binding_parameter_invalid,
                  "parameter name '" + std::string(name) + "' is a look-alike of " + std::string(*real));
    }
    out.others.emplace_back(std::move(*decoded_name), std::move(*decoded_value));
  }
  return out;
}

Result<Common> decode_common(const Scanned& scanned, Accepts accepts, const BindingLimits& limits) {
  const bool request = scanned.raw[Index::saml_request].has_value();
  const bool response = scanned.raw[Index::saml_response].has_value();
  if (request && response) {
    return fail(Reason::binding_parameter_invalid, "both SAMLRequest and SAMLResponse are present");
  }
  Common out;
  out.parameter = request ? MessageParameter::saml_request : MessageParameter::saml_response;
  const Accepts carried = request ? Accepts::saml_request : Accepts::saml_response;
  if (!request && !response) {
    return missing(accepts, "no SAMLRequest or SAMLResponse parameter");
  }
  if (accepts != Accepts::either && accepts != carried) {
    return missing(accepts,
                   std::string(parameter_name(out.parameter)) + " where the other one is expected");
  }
  const std::string name(parameter_name(out.parameter));
  out.raw_value = *scanned.raw[request ? Index::saml_request : Index::saml_response];
  auto text = url_decode(out.raw_value);
  if (!text) {
    return fail(text.error());
  }
  if (is_blank(*text)) {
    return missing(accepts, "the " + name + " parameter is empty");
  }
  if (text->size() > limits.max_encoded_bytes) {
    return fail(Reason::binding_too_large, name + " is " + std::to_string(text->size()) +
                                               " bytes; the limit is " +
                                               std::to_string(limits.max_encoded_bytes));
  }
  auto decoded = base64_decode(*text);
  if (!decoded) {
    return fail(Reason::binding_base64_invalid, name + ": " + decoded.error().detail);
  }
  out.decoded = std::move(*decoded);
  if (const auto& raw = scanned.raw[Index::relay_state]) {
    auto relay = url_decode(*raw);
    if (!relay) {
      return fail(relay.error());
    }
    if (relay->size() > limits.max_relay_state_bytes) {
      return fail(Reason::binding_relay_state_invalid,
                  "RelayState is " + std::to_string(relay->size()) + " bytes; the limit is " +
                      std::to_string(limits.max_relay_state_bytes));
    }
    out.relay_state = std::move(*relay);
  }
  return out;
}

}  // namespace binding_internal
}  // namespace samlt::core
