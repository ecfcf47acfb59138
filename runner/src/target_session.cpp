// SPDX-License-Identifier: Apache-2.0
#include "target_session.hpp"

#include "samlt/runner/policies.hpp"
#include "target_app.hpp"

#include <algorithm>

namespace samlt::runner {

TargetSession prepare_target(const std::filesystem::path& file, double timeout_seconds) {
  TargetSession session;
  session.target = load_target(file);
  auto resolved = resolve_target(session.target, timeout_seconds);
  if (!resolved) {
    throw core::Fatal(file.string() + ": " + resolved.error().detail);
  }
  session.resolved = std::move(*resolved);
  session.policy = policy_values(session.resolved.policy);
  auto registered = register_target(idp::load_idp_config(session.target.idp_config), session.target, session.resolved);
  session.app_id = registered.app_id;
  session.idp = std::make_unique<idp::Idp>(std::move(registered.config));
  return session;
}

void check_app_overrides(const std::vector<Scenario>& scenarios, const TargetSession& session) {
  const idp::App* app = session.idp->find_app(session.app_id);
  for (const auto& scenario : scenarios) {
    // A scenario whose needs the target does not meet is skipped, and its settings may refer to
    // what is missing (token encryption without the SP's certificate).
    bool runnable = std::all_of(scenario.needs.begin(), scenario.needs.end(),
                                [&](const std::string& need) { return session.resolved.capabilities.contains(need); });
    if (!runnable) {
      continue;
    }
    if (auto merged = session.idp->app_with_overrides(*app, scenario.app_overrides); !merged) {
      throw core::Fatal(scenario.file.string() + ": /idp/app: " + merged.error().detail);
    }
  }
}

}  // namespace samlt::runner
