// SPDX-License-Identifier: Apache-2.0
// Whole-file reads and atomic writes: a reader never sees a half-written file.
#pragma once

#include "samlt/core/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace samlt::core {

// The file's bytes. Fails with io.read_failed (detail: path and errno text).
Result<std::string> read_file(const std::filesystem::path& path);

// Writes to a temporary file beside `path`, then renames it over `path`. `mode` is applied to the
// new file (e.g. 0600 for private keys). Fails with io.write_failed.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                               unsigned mode = 0644);

}  // namespace samlt::core
