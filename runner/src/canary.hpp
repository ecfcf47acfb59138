// SPDX-License-Identifier: Apache-2.0
// The NO-FETCH canary (docs/attack-catalogue.md, "Outcomes"): an HTTP listener on 127.0.0.1 that
// the runner plants in messages as an external entity, a schema location or a key URL. A correct
// SP never fetches it; every request is counted by the token in its path.
#pragma once

#include <memory>
#include <string>

namespace samlt::runner {

class Canary {
 public:
  // Listens on 127.0.0.1 on a free port. Throws core::Fatal when it cannot listen.
  Canary();
  ~Canary();
  Canary(const Canary&) = delete;
  Canary& operator=(const Canary&) = delete;

  // A fresh URL under the canary: http://127.0.0.1:PORT/canary/<token>. Thread-safe.
  std::string new_url();
  // A fresh URL under the canary that answers GET with `document` (application/samlmetadata+xml)
  // for as long as the canary lives: a dynamic metadata source the SP is told to fetch. Its
  // requests are counted like any other. Thread-safe.
  std::string serve(std::string document);
  // How many requests reached `url` (any method, any suffix after its token). Thread-safe.
  int hits(const std::string& url) const;

  struct State;

 private:
  std::unique_ptr<State> m_state;
};

}  // namespace samlt::runner
