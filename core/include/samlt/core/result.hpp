// SPDX-License-Identifier: Apache-2.0
// Result<T>: how every expected failure travels in this project. A failure is a value carrying one
// stable Reason (reasons.def) and a free-text detail for logs and traces.
#pragma once

#include "samlt/core/reason.hpp"

#include <tl/expected.hpp>

#include <stdexcept>
#include <string>
#include <utility>

namespace samlt::core {

// Reason is what callers, tests and reports compare; detail is for people (it may quote input and
// must be escaped before it reaches HTML).
struct Error {
  Reason reason = Reason::internal_error;
  std::string detail;
};

// Shaped like std::expected (C++23): has_value(), value(), error(), operator bool.
template <class T>
using Result = tl::expected<T, Error>;

// Builds the failure side of any Result: `return fail(Reason::xml_malformed, "line 3: ...");`
inline tl::unexpected<Error> fail(Reason reason, std::string detail = {}) {
  return tl::unexpected<Error>(Error{reason, std::move(detail)});
}

inline tl::unexpected<Error> fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

// Thrown only while loading startup configuration; `main` prints what() and exits 2.
// The message names the file, the JSON pointer and what was expected.
class Fatal : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace samlt::core
