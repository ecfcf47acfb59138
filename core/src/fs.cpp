// SPDX-License-Identifier: Apache-2.0
#include "samlt/core/fs.hpp"

#include "samlt/core/random.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace samlt::core {

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Reason::io_read_failed, path.string() + ": " + std::strerror(errno));
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    return fail(Reason::io_read_failed, path.string() + ": read error");
  }
  return bytes.str();
}

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                               unsigned mode) {
  auto tmp = path;
  tmp += ".tmp-" + to_hex(random_bytes(4));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    return fail(Reason::io_write_failed, tmp.string() + ": " + std::strerror(errno));
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(Reason::io_write_failed, path.string() + ": " + why);
    }
    written += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, mode);  // the umask may have narrowed the mode given to open()
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return fail(Reason::io_write_failed, path.string() + ": " + std::strerror(errno));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(Reason::io_write_failed, path.string() + ": " + why);
  }
  return {};
}

}  // namespace samlt::core
