// SPDX-License-Identifier: Apache-2.0
#include "metadata/metadata_refresher.hpp"

#include <cstdio>

namespace samlt::sp {

MetadataRefresher::MetadataRefresher(ServiceProvider& sp, std::vector<TrustedIdpSeed> pending,
                                     std::chrono::milliseconds interval, int attempts)
    : m_sp(sp), m_pending(std::move(pending)), m_interval(interval), m_attempts(attempts) {
  if (!m_pending.empty()) {
    m_thread = std::thread([this] { run(); });
  }
}

MetadataRefresher::~MetadataRefresher() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void MetadataRefresher::run() {
  for (int attempt = 0; attempt < m_attempts && !m_pending.empty(); ++attempt) {
    {
      std::unique_lock lock(m_mutex);
      if (m_wake.wait_for(lock, m_interval, [this] { return m_stop; })) {
        return;
      }
    }
    std::vector<TrustedIdpSeed> still;
    for (const auto& seed : m_pending) {
      auto registered = m_sp.seed_idp(seed);  // logs idp.registered on success
      if (!registered || !*registered) {
        still.push_back(seed);
      }
    }
    m_pending = std::move(still);
  }
}

}  // namespace samlt::sp
