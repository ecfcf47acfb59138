// SPDX-License-Identifier: Apache-2.0
// The test certificate set, generated once per test process into its own temporary folder (tests
// never depend on certs/generated), and a fixed "now" that the set's validity windows surround.
#pragma once

#include "samlt/core/cert_set.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/keys.hpp"

#include <string_view>

namespace samlt::test {

// The instant tests treat as now: the real time at first use, truncated to milliseconds, so that
// certificates generated for it are valid (or expired, or not yet valid) as their roles say.
core::TimePoint test_now();

// The set, generated on first use. Thread-safe.
const core::CertSet& test_cert_set();

// The credential (key + certificate) of `role`; aborts the test run if it cannot be loaded.
const core::Credential& test_credential(std::string_view role);

}  // namespace samlt::test
