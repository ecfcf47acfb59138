// SPDX-License-Identifier: Apache-2.0
// A RunReport that exercises every report feature, and a temporary directory for written reports.
#pragma once

#include "samlt/reports/report_model.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace samlt::reports::test {

// The id of a scenario whose title tries to inject a script, and the title itself.
inline constexpr std::string_view k_hostile_id = "profile/title_<b>&\"quoted\"";
inline constexpr std::string_view k_hostile_title = "<script>alert(1)</script>";
// The error detail of the unreachable-SP scenario: carries characters XML 1.0 forbids.
inline constexpr std::string_view k_control_detail = "connection reset\x01\x0b\x1f by peer";

// Five scenarios in three suites (entra, faults, profile): 3 passed (one of them with two steps),
// 1 failed (assertion.expired accepted) and 1 error (SP unreachable), with SAML messages, HTTP
// exchanges, two policy settings and hostile text where escaping matters.
RunReport sample_report();

// A fresh directory under the system temp directory, removed with everything in it on
// destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

// The whole file, or "" if it cannot be read.
std::string read_text(const std::filesystem::path& path);

// How often `needle` occurs in `text` (non-overlapping).
std::size_t occurrences(std::string_view text, std::string_view needle);

}  // namespace samlt::reports::test
