// SPDX-License-Identifier: Apache-2.0
#include "support/temp_dir.hpp"

#include "samlt/core/random.hpp"

namespace samlt::test {

TempDir::TempDir()
    : m_path(std::filesystem::temp_directory_path() / ("samlt-test-" + core::to_hex(core::random_bytes(6)))) {
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

}  // namespace samlt::test
