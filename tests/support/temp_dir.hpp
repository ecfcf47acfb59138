// SPDX-License-Identifier: Apache-2.0
// A fresh temporary folder, removed with everything in it when the object dies.
#pragma once

#include <filesystem>

namespace samlt::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::filesystem::path& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

}  // namespace samlt::test
