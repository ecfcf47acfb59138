// SPDX-License-Identifier: Apache-2.0
// The encodings of the SAML bindings (saml-bindings §3.4 Redirect, §3.5 POST): base64, raw DEFLATE,
// URL and form encoding. base64 and DEFLATE wrap OpenSSL and zlib; percent-encoding (RFC 3986 §2.1)
// is a loop of its own, one pass each way, since it runs over every posted form.
#pragma once

#include "samlt/core/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samlt::core {

// Standard base64 on one line, with padding (the SAMLResponse form value Entra sends).
std::string base64_encode(std::string_view bytes);

// Decodes standard base64. ASCII whitespace anywhere is ignored (line-wrapped input is common);
// anything else outside the alphabet, or bad padding, fails with codec.base64_invalid.
Result<std::string> base64_decode(std::string_view text);

// Raw DEFLATE (RFC 1951, no zlib header), as the HTTP-Redirect binding requires (§3.4.4.1).
std::string deflate_raw(std::string_view bytes);

// Inflates raw DEFLATE, refusing to produce more than `max_output` bytes (a decompression bomb
// costs nothing to send). Fails with codec.inflate_failed or codec.inflate_too_large.
Result<std::string> inflate_raw(std::string_view bytes, std::size_t max_output);

// Hex digit case of percent-escapes: Entra (.NET HttpUtility) writes lower case (`%2f`).
enum class HexCase { upper, lower };

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(std::string_view text, HexCase hex_case = HexCase::upper);

// Decodes percent-escapes and `+` as space (form encoding). Fails with codec.url_invalid on a
// malformed escape.
Result<std::string> url_decode(std::string_view text);

// One name=value pair of a query string or form body, decoded. Order and duplicates are kept:
// the binding layer must be able to refuse a duplicated SAMLResponse.
using FormField = std::pair<std::string, std::string>;
using FormFields = std::vector<FormField>;

// Parses `a=1&b=2` (leading `?` allowed). Fails with codec.url_invalid.
Result<FormFields> parse_form(std::string_view text);

// The inverse of parse_form.
std::string encode_form(const FormFields& fields, HexCase hex_case = HexCase::upper);

// Every value of `name`, in order.
std::vector<std::string> form_values(const FormFields& fields, std::string_view name);

// HTML-escapes text for element content and attribute values (&, <, >, ", ').
std::string html_escape(std::string_view text);

}  // namespace samlt::core
