// SPDX-License-Identifier: Apache-2.0
// What `idp_sim load` and `idp_sim mint` set up alike: the target (loopback unless allowed
// otherwise), the scenario (a plain valid sign-in by default, or a one-step sign_in file), its flow
// and the users signed in.
#pragma once

#include "samlt/runner/scenario.hpp"
#include "target_session.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace samlt::runner::load {

struct SetupOptions {
  std::filesystem::path target;
  std::optional<std::filesystem::path> scenario;
  std::vector<std::string> users;  // empty: the scenario's user
  std::optional<Flow> flow;        // empty: the scenario's preferred flow the target offers
  bool allow_remote = false;
  double timeout_seconds = 10.0;
};

struct LoadSetup {
  TargetSession session;
  Scenario scenario;
  Flow flow = Flow::idp_initiated;
  std::vector<std::string> users;
};

// Throws core::Fatal naming the file or option at fault: a bad target or scenario, a URL that is
// not on loopback without allow_remote, a flow the scenario or target cannot run, an unmet need,
// a user the IdP configuration does not have.
LoadSetup prepare_load(const SetupOptions& options);

}  // namespace samlt::runner::load
