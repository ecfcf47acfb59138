// SPDX-License-Identifier: Apache-2.0
#include "seconds_text.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace samlt::reports {

std::string seconds_text(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0.0) {
    seconds = 0.0;
  }
  std::array<char, 64> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), seconds,
                                          std::chars_format::fixed, 3);
  if (error != std::errc()) {
    // Only a value beyond 10^60 seconds overflows 64 characters; no run lasts that long.
    return "0.000";
  }
  return std::string(buffer.data(), end);
}

}  // namespace samlt::reports
