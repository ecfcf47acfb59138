// SPDX-License-Identifier: Apache-2.0
// The test certificate set, generated into the build folder (build/test-certs, shared by every test
// process, regenerated daily; tests never depend on certs/generated), and the "now" of a test run.
#pragma once

#include "samlt/core/cert_set.hpp"
#include "samlt/core/clock.hpp"
#include "samlt/core/keys.hpp"

#include <string_view>

namespace samlt::test {

// The instant tests treat as now: the real time at first use, truncated to milliseconds, so that
// certificates generated for it are valid (or expired, or not yet valid) as their roles say.
core::TimePoint test_now();

// The set, loaded (or generated) on first use. Thread-safe, and safe across processes.
const core::CertSet& test_cert_set();

// The credential (key + certificate) of `role`; aborts the test run if it cannot be loaded.
const core::Credential& test_credential(std::string_view role);

}  // namespace samlt::test
