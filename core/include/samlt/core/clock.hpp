// SPDX-License-Identifier: Apache-2.0
// Time as an injected input: every component takes a Clock, never reads the system time itself.
#pragma once

#include <atomic>
#include <chrono>

namespace samlt::core {

// Millisecond precision: SAML time values carry at most milliseconds (saml-core §1.3.3), and
// Entra always writes exactly three fractional digits.
using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;
using Millis = std::chrono::milliseconds;

// Thread-safe: now() may be called from any server thread.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

// The real UTC clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

// A clock that only moves when told to: for tests and for replaying a customer's timestamp.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint at) : m_now(at.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(Millis(m_now.load())); }
  void set(TimePoint at) { m_now.store(at.time_since_epoch().count()); }
  void advance(Millis by) { m_now.fetch_add(by.count()); }

 private:
  std::atomic<Millis::rep> m_now;
};

// Another clock shifted by a fixed offset: the IdP's "clock offset" setting (reproduces a
// customer whose IdP or SP clock is wrong). REQUIRES: `base` outlives this object.
class OffsetClock final : public Clock {
 public:
  OffsetClock(const Clock& base, Millis offset) : m_base(base), m_offset(offset) {}
  TimePoint now() const override { return m_base.now() + m_offset; }

 private:
  const Clock& m_base;
  Millis m_offset;
};

}  // namespace samlt::core
