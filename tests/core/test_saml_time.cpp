// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_time.hpp"

#include <catch2/catch.hpp>

using namespace samlt::core;
using namespace std::chrono;

TEST_CASE("format_datetime writes Entra's millisecond form", "[core][time]") {
  TimePoint at = sys_days(2023y / June / 21) + hours(21) + minutes(43) + seconds(30) + Millis(805);
  CHECK(format_datetime(at) == "2023-06-21T21:43:30.805Z");
  CHECK(format_datetime(TimePoint(sys_days(2025y / January / 2))) == "2025-01-02T00:00:00.000Z");
}

TEST_CASE("parse_datetime accepts UTC xs:dateTime forms", "[core][time]") {
  TimePoint expected = sys_days(2023y / June / 21) + hours(21) + minutes(43) + seconds(30) + Millis(805);
  CHECK(parse_datetime("2023-06-21T21:43:30.805Z") == expected);
  CHECK(parse_datetime("2023-06-21T21:43:30.8059999Z") == expected);  // truncated to ms
  CHECK(parse_datetime("2023-06-21T21:43:30Z") == expected - Millis(805));
  CHECK(parse_datetime("2023-06-21T21:43:30.8Z") == expected - Millis(5));
  CHECK(parse_datetime("2023-06-21T23:43:30.805+02:00") == expected);
  CHECK(parse_datetime("2023-06-21T20:43:30.805-01:00") == expected);
  auto now = time_point_cast<Millis>(system_clock::now());
  CHECK(parse_datetime(format_datetime(now)) == now);
}

TEST_CASE("parse_datetime refuses what names no instant", "[core][time]") {
  for (const char* bad : {"", "2023-06-21", "2023-06-21T21:43:30", "2023-06-21T21:43:30.Z",
                          "2023-13-01T00:00:00Z", "2023-02-30T00:00:00Z", "2023-06-21T24:00:00Z",
                          "2023-06-21T21:43:60Z", "2023-06-21 21:43:30Z", "2023-06-21T21:43:30ZZ",
                          "2023-06-21T21:43:30+2:00", " 2023-06-21T21:43:30Z", "yesterday"}) {
    INFO(bad);
    auto parsed = parse_datetime(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().reason == Reason::time_unparseable);
  }
}

TEST_CASE("clocks", "[core][time]") {
  TimePoint start = sys_days(2025y / March / 4);
  FixedClock fixed(start);
  CHECK(fixed.now() == start);
  fixed.advance(seconds(90));
  CHECK(fixed.now() == start + seconds(90));
  OffsetClock skewed(fixed, -minutes(10));
  CHECK(skewed.now() == start + seconds(90) - minutes(10));
  CHECK(SystemClock().now() > start);
}
