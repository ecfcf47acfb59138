// SPDX-License-Identifier: Apache-2.0
// AcsRequest: the HTTP request that reached the ACS, as the server received it. The server
// decides nothing about it: the binding.post_form step owns method, type, size and fields.
#pragma once

#include "samlt/core/codec.hpp"

#include <cstddef>
#include <string>

namespace samlt::sp {

struct AcsRequest {
  std::string method;          // "POST", "GET", …
  std::string content_type;    // the Content-Type header as sent; may be empty
  std::string body;            // the body bytes the server kept
  std::size_t body_bytes = 0;  // the body's length as sent or declared; more than body.size()
                               // when the server stopped keeping it at its reading cap
};

// What a browser's auto-POST form of `form` sends (saml-bindings §3.5.4): POST, urlencoded.
inline AcsRequest browser_post(const core::FormFields& form) {
  std::string body = core::encode_form(form);
  std::size_t size = body.size();
  return {"POST", "application/x-www-form-urlencoded", std::move(body), size};
}

}  // namespace samlt::sp
