// SPDX-License-Identifier: Apache-2.0
// in_response_to.unknown — a response to a request this SP never sent (or sent to another user's
// browser): unsolicited-response injection. saml-profiles §4.1.4.3: InResponseTo must name a request
// the SP issued. Both the Response and SubjectConfirmationData carry the unknown id.
#include "mutators/mutators.hpp"
#include "samlt/core/random.hpp"

namespace samlt::idp::mutators {

core::Result<void> in_response_to_unknown(Target& target) {
  auto id = string_param(target, "id");
  if (!id) {
    return core::fail(id.error());
  }
  target.spec.in_response_to = id->value_or(core::new_saml_id());
  return {};
}

}  // namespace samlt::idp::mutators
