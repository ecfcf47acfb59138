// SPDX-License-Identifier: Apache-2.0
#include "support/captured_stream.hpp"

#include <stdexcept>

namespace samlt::test {

CapturedStream::CapturedStream() : m_file(std::tmpfile()) {
  if (m_file == nullptr) {
    throw std::runtime_error("tmpfile() failed: cannot capture a stream");
  }
}

CapturedStream::~CapturedStream() { std::fclose(m_file); }

std::string CapturedStream::text() const {
  std::fflush(m_file);
  std::rewind(m_file);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, m_file)) > 0;) {
    text.append(buffer, n);
  }
  std::fseek(m_file, 0, SEEK_END);  // later writes append
  return text;
}

}  // namespace samlt::test
