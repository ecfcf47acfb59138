// SPDX-License-Identifier: Apache-2.0
#include "support/test_certs.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

namespace samlt::test {
namespace {

std::mutex g_mutex;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "test support: %s\n", what.c_str());
  std::abort();
}

// Generating the set costs seconds (ten RSA keys), and CTest runs every test case in its own
// process: the set is made once per build folder and shared, under an exclusive file lock so that
// parallel test processes neither race nor read a half-written set. A set older than a day is made
// afresh, because its validity windows are relative to when it was generated.
core::CertSet shared_cert_set() {
  auto dir = std::filesystem::path(SAMLT_BINARY_DIR) / "test-certs";
  std::filesystem::create_directories(dir);
  int lock = ::open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    die("cannot lock " + dir.string());
  }
  std::error_code ec;
  auto modified = std::filesystem::last_write_time(dir / "manifest.json", ec);
  bool fresh = !ec && std::filesystem::file_time_type::clock::now() - modified < std::chrono::hours(24);
  auto set = fresh ? core::load_cert_set(dir) : core::generate_cert_set(dir, test_now());
  // A set made before a role was added lacks it: make the whole set afresh.
  bool complete = set && std::all_of(core::cert_set_roles().begin(), core::cert_set_roles().end(),
                                     [&](std::string_view role) { return set->find(role) != nullptr; });
  if (fresh && !complete) {
    set = core::generate_cert_set(dir, test_now());
  }
  ::close(lock);  // releases the lock
  if (!set) {
    die("cannot load or generate the test certificate set in " + dir.string() + ": " + set.error().detail);
  }
  return *set;
}

}  // namespace

core::TimePoint test_now() {
  static const core::TimePoint now = core::SystemClock().now();
  return now;
}

const core::CertSet& test_cert_set() {
  std::lock_guard lock(g_mutex);
  static const core::CertSet set = shared_cert_set();
  return set;
}

const core::Credential& test_credential(std::string_view role) {
  const auto& set = test_cert_set();
  std::lock_guard lock(g_mutex);
  static std::map<std::string, core::Credential, std::less<>> cache;
  if (auto found = cache.find(role); found != cache.end()) {
    return found->second;
  }
  auto credential = set.credential(role);
  if (!credential) {
    die("cannot load test credential " + std::string(role) + ": " + credential.error().detail);
  }
  return cache.emplace(std::string(role), std::move(*credential)).first->second;
}

}  // namespace samlt::test
