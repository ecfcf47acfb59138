// SPDX-License-Identifier: Apache-2.0
// One target made ready to run: its file read, what its metadata and policy URL say, and the IdP
// the runner plays with the target registered in it as an app.
#pragma once

#include "samlt/idp/idp.hpp"
#include "samlt/runner/scenario.hpp"
#include "samlt/runner/target.hpp"
#include "target_resolve.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace samlt::runner {

struct TargetSession {
  Target target;
  ResolvedTarget resolved;
  std::unique_ptr<idp::Idp> idp;  // holds the target's app
  std::string app_id;
  std::map<std::string, std::string> policy;  // name -> value in force
};

// Loads, resolves and registers the target of `file`. Throws core::Fatal naming the file and what
// is wrong: a bad target or IdP configuration, unreadable SP metadata or policy URL, an app that
// cannot be registered.
TargetSession prepare_target(const std::filesystem::path& file, double timeout_seconds);

// Every runnable scenario's app settings merged over the target's app, so that a typo is a bad
// file (exit 2) and not a failed scenario; scenarios with an unmet need are left to be skipped.
// Throws core::Fatal naming the scenario file.
void check_app_overrides(const std::vector<Scenario>& scenarios, const TargetSession& session);

}  // namespace samlt::runner
