// SPDX-License-Identifier: Apache-2.0
// status.requester — the IdP answers with an error (here Requester/RequestDenied, no assertion), as
// Entra does in its saml-response error mode. saml-profiles §4.1.4.2 / saml-core §3.2.2.2: only a
// Success status may create a session.
#include "mutators/mutators.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

core::Result<void> status_requester(Target& target) {
  target.spec.status_code = std::string(core::names::status_requester);
  target.spec.second_status_code = std::string(core::names::status_request_denied);
  target.spec.status_message = "AADSTS50105: The signed in user is not assigned to a role for the application.";
  target.spec.include_assertion = false;
  return {};
}

}  // namespace samlt::idp::mutators
