// SPDX-License-Identifier: Apache-2.0
// Durations as report text: JUnit parsers read `time` as a plain decimal number of seconds.
#pragma once

#include <string>

namespace samlt::reports {

// Seconds with three decimals ("0.012"), independent of the global locale. A negative, infinite
// or NaN value, which no JUnit parser accepts, is written as "0.000".
std::string seconds_text(double seconds);

}  // namespace samlt::reports
