// SPDX-License-Identifier: Apache-2.0
#include "support/test_certs.hpp"

#include "support/temp_dir.hpp"

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

}  // namespace

core::TimePoint test_now() {
  static const core::TimePoint now = core::SystemClock().now();
  return now;
}

const core::CertSet& test_cert_set() {
  std::lock_guard lock(g_mutex);
  static TempDir dir;
  static core::CertSet set = [] {
    auto generated = core::generate_cert_set(dir.path(), test_now());
    if (!generated) {
      die("cannot generate the test certificate set: " + generated.error().detail);
    }
    return *generated;
  }();
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
