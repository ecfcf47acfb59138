// SPDX-License-Identifier: Apache-2.0
// What each AADSTS refusal idp_sim knows means, its common causes with how to confirm each one with
// this tool, and what to change in Entra or in the SP: for `idp_sim diagnose --explain`, and for
// the AuthnRequests a diagnosis checks with --entra-app.
#pragma once

#include "samlt/core/reason.hpp"
#include "samlt/core/result.hpp"

#include <array>
#include <string>
#include <string_view>

namespace samlt::diagnose {

struct AadstsCause {
  std::string_view cause;
  std::string_view confirm;  // how to confirm it with idp_sim diagnose
};

// Texts may name {issuer}, {acs_url}, {identifiers}, {reply_urls}, {sig_alg} and {tenant}: filled
// from the request and the app when a request is diagnosed, described when a code is explained.
struct AadstsAdvice {
  core::Reason reason;
  std::string_view meaning;
  std::array<AadstsCause, 3> causes;  // the unused ones are empty
  std::string_view entra;             // what to change in Entra; "" when nothing there helps
  std::string_view sp;                // what to change in the SP; "" when nothing there helps
};

// The advice for `reason`, or nullptr when it is no AADSTS refusal of idp_sim's.
const AadstsAdvice* aadsts_advice(core::Reason reason);

// `idp_sim diagnose --explain CODE`: CODE is "AADSTS50011" or "50011". The text gives, for each
// refusal shown with that code, Entra's message, what it means, the causes and how to confirm them,
// and the fixes. Fails with config.invalid naming the codes idp_sim knows.
core::Result<std::string> explain_aadsts(std::string_view code);

}  // namespace samlt::diagnose
