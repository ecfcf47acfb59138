// SPDX-License-Identifier: Apache-2.0
// A FILE* for code that prints to a stream (the runner's `out` and `err`), read back as text.
#pragma once

#include <cstdio>
#include <string>

namespace samlt::test {

class CapturedStream {
 public:
  CapturedStream();
  ~CapturedStream();
  CapturedStream(const CapturedStream&) = delete;
  CapturedStream& operator=(const CapturedStream&) = delete;

  std::FILE* get() const { return m_file; }
  std::string text() const;  // everything written so far

 private:
  std::FILE* m_file;
};

}  // namespace samlt::test
