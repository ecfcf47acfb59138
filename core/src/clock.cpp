// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/clock.hpp"

namespace samlt::core {

TimePoint SystemClock::now() const {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

}  // namespace samlt::core
