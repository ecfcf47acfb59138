// SPDX-License-Identifier: Apache-2.0
// Background registration of metadata_url seeds whose IdP was not up when the SP started (the
// demo starts both servers at once): retried every interval until each is registered or the
// attempts run out.
#pragma once

#include "samlt/sp/service_provider.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace samlt::sp {

class MetadataRefresher {
 public:
  // Starts a thread for `pending` (nothing when it is empty). REQUIRES: `sp` outlives this object.
  MetadataRefresher(ServiceProvider& sp, std::vector<TrustedIdpSeed> pending,
                    std::chrono::milliseconds interval = std::chrono::seconds(2), int attempts = 150);
  ~MetadataRefresher();  // stops and joins the thread
  MetadataRefresher(const MetadataRefresher&) = delete;
  MetadataRefresher& operator=(const MetadataRefresher&) = delete;

 private:
  void run();

  ServiceProvider& m_sp;
  std::vector<TrustedIdpSeed> m_pending;
  std::chrono::milliseconds m_interval;
  int m_attempts;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace samlt::sp
