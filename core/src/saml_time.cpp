// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/saml_time.hpp"

#include <cstdio>

namespace samlt::core {
namespace {

using namespace std::chrono;

// Reads exactly `width` ASCII digits at `pos`.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size()) {
    return false;
  }
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

Result<TimePoint> unparseable(std::string_view text) {
  return fail(Reason::time_unparseable, "not a UTC xs:dateTime: '" + std::string(text) + "'");
}

}  // namespace

// xs:dateTime (XML Schema Part 2 §3.2.7) restricted to four-digit years. Leap seconds are refused:
// saml-core §1.3.3 forbids generating them.
Result<TimePoint> parse_datetime(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || !read_digits(text, 0, 4, year) || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day) ||
      text[10] != 'T' || !read_digits(text, 11, 2, hour) || text[13] != ':' ||
      !read_digits(text, 14, 2, minute) || text[16] != ':' || !read_digits(text, 17, 2, second)) {
    return unparseable(text);
  }
  std::size_t pos = 19;
  long long millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) {
        millis = millis * 10 + (text[pos] - '0');
      }
      ++digits;
      ++pos;
    }
    if (digits == 0) {
      return unparseable(text);
    }
    for (std::size_t d = digits; d < 3; ++d) {
      millis *= 10;
    }
  }
  minutes offset{0};
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int oh = 0, om = 0;
    if (!read_digits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !read_digits(text, pos + 4, 2, om) || oh > 14 || om > 59) {
      return unparseable(text);
    }
    offset = hours(oh) + minutes(om);
    if (text[pos] == '-') {
      offset = -offset;
    }
    pos += 6;
  } else {
    return unparseable(text);  // no time zone: a local time names no instant
  }
  if (pos != text.size()) {
    return unparseable(text);
  }
  year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                      std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) {
    return unparseable(text);
  }
  auto at = sys_days(date) + hours(hour) + minutes(minute) + seconds(second) + Millis(millis);
  return TimePoint(at - offset);
}

std::string format_datetime(TimePoint at) {
  auto day_point = floor<days>(at);
  year_month_day date(day_point);
  hh_mm_ss<Millis> time(at - day_point);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(time.hours().count()),
                int(time.minutes().count()), int(time.seconds().count()),
                int(time.subseconds().count()));
  return text;
}

}  // namespace samlt::core
