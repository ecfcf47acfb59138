// SPDX-License-Identifier: Apache-2.0
// --to-scenario: a scenario that has idp_sim issue, and sign anew with its test keys, a Response
// shaped like a captured one, so that a developer can replay a customer's sign-in against their
// own SP. It describes the message; it never embeds the captured XML. It keeps:
// - the NameID's format and value, and each attribute's name, NameFormat and values, in order,
//   as the claims of an app and a user given in full (values no configured user has come from
//   extension attributes);
// - which elements are signed, and with which algorithm; the signing certificate's profile
//   (expired or not, key size); token encryption and its content algorithm;
// - the IdP's clock offset (IssueInstant against the moment of capture);
// - each fault the diagnosis found, as the mutator that makes it, and the verdict as expectation.
#pragma once

#include "samlt/core/result.hpp"
#include "samlt/diagnose/capture.hpp"
#include "samlt/diagnose/diagnosis.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace samlt::diagnose {

struct ReplayScenario {
  nlohmann::ordered_json scenario;  // the scenario file (scenarios/README.md), in its keys' order
  std::vector<std::string> notes;  // what the replay could not keep, and why
};

// The scenario `id` for the Response `message`, diagnosed as `diagnosis`. Fails with
// io.read_failed when the message is no Response or its Assertion could not be read (an
// EncryptedAssertion without the SP's key, a message that does not parse).
core::Result<ReplayScenario> replay_scenario(const CapturedMessage& message, const MessageDiagnosis& diagnosis,
                                             const std::string& id);

}  // namespace samlt::diagnose
