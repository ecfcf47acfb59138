// SPDX-License-Identifier: Apache-2.0
// status.set — the Response's status as the IdP writes it: top-level and second-level StatusCode
// values and a StatusMessage, with or without the signed Assertion (attack-catalogue
// STATUS-ERROR-WITH-ASSERTION, STATUS-VALUE-BOGUS, POS-STATUS-ERROR-CLEAN; ruby-saml
// response_double_status_code, crewjam/saml's exact Success URI). saml-core §3.2.2.2 and
// saml-profiles §4.1.4.2: only a top-level urn:oasis:names:tc:SAML:2.0:status:Success may carry an
// assertion that creates a session; anything else is an error, whatever else the Response holds.
#include "mutators/mutators.hpp"
#include "mutators/structure/structure.hpp"
#include "samlt/core/saml_names.hpp"

namespace samlt::idp::mutators {

// Params: code (the top-level StatusCode/@Value as written, default ...:status:Responder),
// second (a second-level StatusCode/@Value, default none), message (StatusMessage text, default
// none), keep_assertion (default true: the Assertion stays and is signed as usual).
core::Result<void> status_set(Target& target) {
  auto code = string_param(target, "code");
  auto second = string_param(target, "second");
  auto message = string_param(target, "message");
  if (!code || !second || !message) {
    return core::fail(!code ? code.error() : !second ? second.error() : message.error());
  }
  auto keep = target.params.find("keep_assertion");
  if (keep != target.params.end() && !keep->is_boolean()) {
    return core::fail(core::Reason::mutator_params_invalid, "/keep_assertion: expected true or false");
  }
  target.spec.status_code = code->value_or(std::string(core::names::status_responder));
  target.spec.second_status_code = *second;
  target.spec.status_message = *message;
  target.spec.include_assertion = keep == target.params.end() || keep->get<bool>();
  return {};
}

}  // namespace samlt::idp::mutators
